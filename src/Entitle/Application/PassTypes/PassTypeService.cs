using System.Globalization;
using Entitle.Application.Catalog;
using Entitle.Domain;
using Entitle.Domain.Catalog;
using Entitle.Domain.PassTypes;
using Entitle.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Application.PassTypes;

/// <summary>Everything that changes pass types, their content, options and prices.</summary>
public sealed class PassTypeService(EntitleDbContext db, CatalogService catalog, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<PassType> CreateTypeAsync(Caller caller, string? code, string? name, string? description, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct =>
            {
                var type = PassType.Create(caller.OrganizationId, code, name, description, Now);
                await EnsureCodeFreeAsync(caller.OrganizationId, type.Code, null, ct);
                db.PassTypes.Add(type);
                await db.SaveChangesAsync(ct);
                return type;
            },
            cancellationToken);

    public Task<PassType> UpdateTypeAsync(Caller caller, int typeId, string? code, string? name, string? description, LifecycleState? state, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct =>
            {
                var type = await FindOwnTypeAsync(caller, typeId, ct);
                type.Rename(code, name, description, Now);
                if (code is not null)
                {
                    await EnsureCodeFreeAsync(type.OrganizationId, type.Code, type.Id, ct);
                }

                if (state is { } target)
                {
                    type.ChangeLifecycle(target, Now);
                }

                await db.SaveChangesAsync(ct);
                return type;
            },
            cancellationToken);

    public Task<PassType> AddContentAsync(Caller caller, int typeId, IReadOnlyCollection<int> courseIds, IReadOnlyCollection<int> pathIds, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct =>
            {
                var type = await FindOwnTypeAsync(caller, typeId, ct);
                var ownerPath = await OwnerPathAsync(type, ct);
                await catalog.EnsureCoursesVisibleFromAsync(ownerPath, courseIds, ct);
                await catalog.EnsurePathsVisibleFromAsync(ownerPath, pathIds, ct);
                type.AddContent(courseIds, pathIds, Now);
                await db.SaveChangesAsync(ct);
                return type;
            },
            cancellationToken);

    public Task<PassType> RemoveContentAsync(Caller caller, int typeId, IReadOnlyCollection<int> courseIds, IReadOnlyCollection<int> pathIds, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct =>
            {
                var type = await FindOwnTypeAsync(caller, typeId, ct);
                type.RemoveContent(courseIds, pathIds, Now);
                await db.SaveChangesAsync(ct);
                return type;
            },
            cancellationToken);

    public Task<PassTypeOption> CreateOptionAsync(Caller caller, int typeId, string? name, ValidityPeriod period, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct =>
            {
                var type = await FindOwnTypeAsync(caller, typeId, ct);
                var option = type.AddOption(name, period, Now);
                await db.SaveChangesAsync(ct);
                return option;
            },
            cancellationToken);

    public Task<PassTypeOption> UpdateOptionAsync(Caller caller, int optionId, string? name, ValidityPeriod? period, LifecycleState? state, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct =>
            {
                var option = await FindOwnOptionAsync(caller, optionId, "trainingPassTypeOptionId", ct);
                if (name is not null)
                {
                    option.Rename(name, Now);
                }

                if (period is { } p)
                {
                    option.ChangePeriod(p, Now);
                }

                if (state is { } target)
                {
                    option.ChangeLifecycle(target, Now);
                }

                await db.SaveChangesAsync(ct);
                return option;
            },
            cancellationToken);

    public Task<PassTypeOptionPrice> CreatePriceAsync(Caller caller, int optionId, string? regionCode, string? currencyCode, string? amount, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct =>
            {
                var option = await FindOwnOptionAsync(caller, optionId, "trainingPassTypeOptionId", ct);
                var region = regionCode is null ? null : await db.Regions.FirstOrDefaultAsync(r => r.Code == regionCode, ct)
                    ?? throw new EntityNotFoundException("regionId", "region", regionCode);
                var currency = Currencies.Require(currencyCode, "currencyCode");
                var minor = Money.ParseMinorUnits(amount, "amount");
                await db.Entry(option).Collection(o => o.Prices).LoadAsync(ct);
                var price = option.AddPrice(region?.Code, currency.Code, minor, Now);
                await db.SaveChangesAsync(ct);
                return price;
            },
            cancellationToken);

    public Task<PassTypeOptionPrice> UpdatePriceAsync(Caller caller, int priceId, string? amount, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct =>
            {
                var price = await FindOwnPriceAsync(caller, priceId, ct);
                if (amount is not null)
                {
                    price.ChangeAmount(Money.ParseMinorUnits(amount, "amount"));
                }

                await db.SaveChangesAsync(ct);
                return price;
            },
            cancellationToken);

    public Task<PassTypeOptionPrice> DeletePriceAsync(Caller caller, int priceId, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct =>
            {
                var price = await FindOwnPriceAsync(caller, priceId, ct);
                price.Option!.RemovePrice(price, Now);
                db.PassTypeOptionPrices.Remove(price);
                await db.SaveChangesAsync(ct);
                return price;
            },
            cancellationToken);

    /// <summary>A type the caller owns, tracked, with its options and content loaded for the domain's rules.</summary>
    public async Task<PassType> FindOwnTypeAsync(Caller caller, int typeId, CancellationToken cancellationToken)
    {
        await db.LockAsync<PassType>(typeId, cancellationToken);
        var type = await db.PassTypes.Include(t => t.Options).Include(t => t.Content).AsSplitQuery()
            .FirstOrDefaultAsync(t => t.Id == typeId, cancellationToken);
        await db.EnsureOwnedAsync(caller, type?.OrganizationId, "trainingPassTypeId", "training pass type", typeId, cancellationToken);
        return type!;
    }

    private async Task<PassTypeOption> FindOwnOptionAsync(Caller caller, int optionId, string field, CancellationToken cancellationToken)
    {
        var typeId = await db.PassTypeOptions.Where(o => o.Id == optionId).Select(o => (int?)o.PassTypeId).FirstOrDefaultAsync(cancellationToken);
        if (typeId is null)
        {
            throw new EntityNotFoundException(field, "training pass type option", optionId.ToString(CultureInfo.InvariantCulture));
        }

        await db.LockAsync<PassType>(typeId.Value, cancellationToken);
        var type = await db.PassTypeWithOptionsAsync(typeId.Value, cancellationToken);
        await db.EnsureOwnedAsync(caller, type?.OrganizationId, field, "training pass type option", optionId, cancellationToken);
        return type!.Options.Single(o => o.Id == optionId);
    }

    private async Task<PassTypeOptionPrice> FindOwnPriceAsync(Caller caller, int priceId, CancellationToken cancellationToken)
    {
        var price = await db.PassTypeOptionPrices.Include(p => p.Option).ThenInclude(o => o!.PassType)
            .FirstOrDefaultAsync(p => p.Id == priceId, cancellationToken);
        await db.EnsureOwnedAsync(caller, price?.Option?.PassType?.OrganizationId, "trainingPassTypeOptionPriceId", "training pass type option price", priceId, cancellationToken);
        return price!;
    }

    private Task<string> OwnerPathAsync(PassType type, CancellationToken cancellationToken) =>
        db.Organizations.Where(o => o.Id == type.OrganizationId).Select(o => o.Path).FirstAsync(cancellationToken);

    private async Task EnsureCodeFreeAsync(int organizationId, string code, int? exceptTypeId, CancellationToken cancellationToken)
    {
        var lower = code.ToLowerInvariant();
#pragma warning disable CA1862 // EF translates ToLower() to SQL; string.Equals with a comparison it cannot translate.
        var taken = await db.PassTypes.AnyAsync(t => t.OrganizationId == organizationId && t.Id != exceptTypeId && t.Code.ToLower() == lower, cancellationToken);
#pragma warning restore CA1862
        if (taken)
        {
            throw new DomainRuleException("code", $"A training pass type with code {code} already exists.", code);
        }
    }
}
