using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NeoGen.Generator.Common;
using NeoGen.Generator.Diagnostics;
using NeoGen.Generator.Model;
using NeoGen.Shared;

namespace NeoGen.Generator.Parsing;

/// <summary>Reads one repository method: its return shape, parameters, and SQL (written or derived from the name).</summary>
internal static class MethodParser
{
    /// <summary>[Column(EnumStorage = EnumStorage.String)] on a parameter: the enum is compared with a text column.</summary>
    private static bool StoresEnumAsText(IParameterSymbol parameter)
        => parameter.GetAttributes().Any(a => a.AttributeClass.IsNamed(KnownNames.ColumnAttribute)
            && a.NamedArguments.Any(n => n.Key == "EnumStorage" && n.Value.Value is int storage && storage == 1));

    public static MethodModel? Parse(IMethodSymbol method, EntityModel? repositoryEntity, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var location = LocationInfo.From(method.Locations.FirstOrDefault());
        if (method.IsGenericMethod)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedSignature, location, method.Name, "generic methods are not supported"));
            return null;
        }

        var returnShape = ReturnShapes.Read(method.ReturnType, out var error);
        if (returnShape is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedSignature, location, method.Name, error!));
            return null;
        }

        var (asyncKind, shape, row) = returnShape.Value;
        if (row?.Entity?.MaterializationError is { } materializationError)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotMaterializable, location, row.Entity.DisplayName, materializationError));
            return null;
        }

        var parameters = new List<ParameterModel>();
        string? cancellationTokenName = null;
        foreach (var parameter in method.Parameters)
        {
            var parameterLocation = LocationInfo.From(parameter.Locations.FirstOrDefault()) ?? location;
            if (parameter.RefKind is not (RefKind.None or RefKind.In))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedSignature, parameterLocation, method.Name, $"parameter '{parameter.Name}' is ref/out; only by-value parameters are supported"));
                return null;
            }

            var typeName = TypeMapper.Display(parameter.Type);
            if (parameter.Type.ToDisplayString() == "System.Threading.CancellationToken")
            {
                cancellationTokenName = parameter.Name;
                parameters.Add(new ParameterModel(parameter.Name, typeName, null, null, null, true, parameter.HasExplicitDefaultValue));
                continue;
            }

            var scalar = TypeMapper.Map(parameter.Type);
            if (scalar is not null && StoresEnumAsText(parameter))
            {
                scalar = scalar.WithEnumAsString(true);
            }

            if (scalar is not null)
            {
                parameters.Add(new ParameterModel(parameter.Name, typeName, scalar, null, null, false, parameter.HasExplicitDefaultValue));
                continue;
            }

            var elementType = TypeMapper.CollectionElement(parameter.Type);
            if (elementType is not null && TypeMapper.Map(elementType) is { } element)
            {
                if (StoresEnumAsText(parameter))
                {
                    element = element.WithEnumAsString(true);
                }

                parameters.Add(new ParameterModel(parameter.Name, typeName, null, element, null, false, parameter.HasExplicitDefaultValue));
                continue;
            }

            if (parameter.Type.TypeKind is TypeKind.Class or TypeKind.Struct && elementType is null && !parameter.Type.IsAbstract && !ReturnShapes.IsFrameworkType(parameter.Type))
            {
                var complex = EntityParser.Parse(parameter.Type);
                parameters.Add(new ParameterModel(parameter.Name, typeName, null, null, complex with { MaterializationError = null }, false, parameter.HasExplicitDefaultValue));
                continue;
            }

            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedSignature, parameterLocation, method.Name,
                $"parameter '{parameter.Name}' has type {parameter.Type.ToDisplayString()}; supported are column types (numbers, bool, string, Guid, dates and times, byte[], enums), collections of them, records/classes whose members are parameters, and CancellationToken"));
            return null;
        }

        var query = method.GetAttributes().FirstOrDefault(a => a.AttributeClass.IsNamed(KnownNames.QueryAttribute));
        var returnTypeName = TypeMapper.Display(method.ReturnType);
        var parameterArray = parameters.ToEquatableArray();
        if (query is not null)
        {
            var sql = query.ConstructorArguments.Length > 0 ? query.ConstructorArguments[0].Value as string : null;
            var argument = (query.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax)?.ArgumentList?.Arguments.FirstOrDefault()?.Expression;
            var sqlLocation = LocationInfo.From(argument) ?? location;
            if (sql is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SqlNotConstant, sqlLocation, method.Name));
                return null;
            }

            var literal = argument is LiteralExpressionSyntax l ? l.Token.Text : null;
            return new MethodModel(method.Name, returnTypeName, asyncKind, shape, row, parameterArray, MethodSource.Query, sql, literal, sqlLocation, location, CrudOperation.None, cancellationTokenName, EquatableArray<ExplicitBinding>.Empty);
        }

        var derived = DerivedQueryParser.Parse(method.Name, shape, row, parameterArray, repositoryEntity, location, diagnostics);
        if (derived is null)
        {
            return null;
        }

        return new MethodModel(method.Name, returnTypeName, asyncKind, shape, row, parameterArray, MethodSource.Derived, derived.Value.Sql, null, location, location, CrudOperation.None, cancellationTokenName, derived.Value.Bindings);
    }
}
