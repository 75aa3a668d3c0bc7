namespace Entitle.Api.Tms;

/// <summary>Most TMS methods answer <c>Status</c>/<c>Error</c>; UpdateClubMembership answers <c>status</c>/<c>error</c>.</summary>
public enum TmsCasing
{
    Pascal,
    Lower,
}
