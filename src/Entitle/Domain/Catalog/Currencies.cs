namespace Entitle.Domain.Catalog;

/// <summary>
/// The currencies Entitle prices in: the ISO 4217 codes of the world's commonly traded currencies. They are
/// reference data compiled into the service, so every installation agrees on a code's name and symbol.
/// </summary>
public static class Currencies
{
    public static IReadOnlyList<Currency> All { get; } =
    [
        new("AED", "UAE Dirhams", "د.إ"),
        new("ARS", "Argentine Pesos", "$"),
        new("AUD", "Australian Dollars", "A$"),
        new("BGN", "Bulgarian Leva", "лв"),
        new("BRL", "Brazilian Reais", "R$"),
        new("CAD", "Canadian Dollars", "C$"),
        new("CHF", "Swiss Francs", "CHF"),
        new("CLP", "Chilean Pesos", "$"),
        new("CNY", "Chinese Yuan", "¥"),
        new("COP", "Colombian Pesos", "$"),
        new("CZK", "Czech Korunas", "Kč"),
        new("DKK", "Danish Kroner", "kr"),
        new("EGP", "Egyptian Pounds", "E£"),
        new("EUR", "Euros", "€"),
        new("GBP", "British Pounds", "£"),
        new("HKD", "Hong Kong Dollars", "HK$"),
        new("HUF", "Hungarian Forints", "Ft"),
        new("IDR", "Indonesian Rupiahs", "Rp"),
        new("ILS", "Israeli New Shekels", "₪"),
        new("INR", "Indian Rupees", "₹"),
        new("ISK", "Icelandic Krónur", "kr"),
        new("JPY", "Japanese Yen", "¥"),
        new("KES", "Kenyan Shillings", "KSh"),
        new("KRW", "South Korean Won", "₩"),
        new("MXN", "Mexican Pesos", "MX$"),
        new("MYR", "Malaysian Ringgits", "RM"),
        new("NGN", "Nigerian Nairas", "₦"),
        new("NOK", "Norwegian Kroner", "kr"),
        new("NZD", "New Zealand Dollars", "NZ$"),
        new("PHP", "Philippine Pesos", "₱"),
        new("PKR", "Pakistani Rupees", "₨"),
        new("PLN", "Polish Zlotys", "zł"),
        new("QAR", "Qatari Riyals", "﷼"),
        new("RON", "Romanian Lei", "lei"),
        new("SAR", "Saudi Riyals", "﷼"),
        new("SEK", "Swedish Kronor", "kr"),
        new("SGD", "Singapore Dollars", "S$"),
        new("THB", "Thai Baht", "฿"),
        new("TRY", "Turkish Lira", "₺"),
        new("TWD", "New Taiwan Dollars", "NT$"),
        new("UAH", "Ukrainian Hryvnias", "₴"),
        new("USD", "U.S. Dollars", "$"),
        new("VND", "Vietnamese Dong", "₫"),
        new("ZAR", "South African Rand", "R"),
    ];

    private static readonly Dictionary<string, Currency> ByCode = All.ToDictionary(c => c.Code, StringComparer.Ordinal);

    /// <summary>The currency with this exact upper-case code, or null.</summary>
    public static Currency? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var c) ? c : null;

    public static Currency Require(string? code, string field) =>
        Find(code?.Trim()) ?? throw new DomainRuleException(field, $"{field} is not a currency Entitle knows (ISO 4217, upper case, e.g. USD).", code);
}
