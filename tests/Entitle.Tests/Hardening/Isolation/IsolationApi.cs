namespace Entitle.Tests.Hardening.Isolation;

/// <summary>Which of Entitle's two APIs a matrix entry is called through.</summary>
public enum IsolationApi
{
    GraphQL,
    Tms,
}
