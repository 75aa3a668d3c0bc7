using System.Text;

namespace Entitle.Tests.Support;

/// <summary>Global ids as Administrate writes them, made independently of the app's own encoder.</summary>
public static class Ids
{
    public static string Of(string prefix, object key) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{prefix}:{key}"));

    public static string Type(int id) => Of("TrainingPassType", id);

    public static string Option(int id) => Of("TrainingPassTypeOption", id);

    public static string Price(int id) => Of("TrainingPassTypeOptionPrice", id);

    public static string Pass(int id) => Of("TrainingPass", id);

    public static string Person(int id) => Of("Person", id);

    public static string Account(int id) => Of("Organisation", id);

    public static string Course(int id) => Of("CourseTemplate", id);

    public static string Path(int id) => Of("LearningPath", id);

    public static string Region(string code) => Of("Region", code);
}
