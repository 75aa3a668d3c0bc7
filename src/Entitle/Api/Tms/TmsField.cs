namespace Entitle.Api.Tms;

/// <summary>One field of a TMS answer, for the OpenAPI document: its exact name and an OpenAPI schema fragment.</summary>
public sealed record TmsField(string Name, string Schema, string Description);
