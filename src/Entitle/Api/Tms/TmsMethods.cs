using Entitle.Api.Tms.Methods;

namespace Entitle.Api.Tms;

/// <summary>Every TMS method Entitle serves, found by any of its names, ignoring case.</summary>
public sealed class TmsMethods
{
    private readonly Dictionary<string, TmsMethod> _byName = new(StringComparer.OrdinalIgnoreCase);

    public TmsMethods()
    {
        All =
        [
            .. TrainingKeyMethods.All(),
            .. SubscriptionMethods.All(),
            .. ProfileMethods.All(),
            .. UserMethods.All(),
            .. OrganizationMethods.All(),
            .. CourseMethods.All(),
            .. AccessMethods.All(),
        ];
        foreach (var method in All)
        {
            foreach (var name in method.Names)
            {
                _byName.Add(name, method);
            }
        }
    }

    public IReadOnlyList<TmsMethod> All { get; }

    public TmsMethod? Find(string name) => _byName.GetValueOrDefault(name);
}
