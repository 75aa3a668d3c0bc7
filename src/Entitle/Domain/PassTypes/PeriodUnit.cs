namespace Entitle.Domain.PassTypes;

public enum PeriodUnit
{
    Days,
    Weeks,
    Months,
    Years,
}
