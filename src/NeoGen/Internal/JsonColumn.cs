using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace NeoGen.Internal;

/// <summary>Reads and writes <c>[JsonColumn]</c> members for the generated code. Not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonColumn
{
    /// <summary>The JSON text of <paramref name="value"/>, with <paramref name="context"/>'s metadata for its type.</summary>
    public static string Write<T>(T value, JsonSerializerContext context) => JsonSerializer.Serialize(value, Metadata<T>.Of(context));

    /// <summary>The value of <paramref name="json"/>; text that is not JSON of <typeparamref name="T"/> is a <see cref="FormatException"/>, which the reader reports naming the column.</summary>
    public static T Read<T>(string json, JsonSerializerContext context)
    {
        try
        {
            return JsonSerializer.Deserialize(json, Metadata<T>.Of(context)) ?? throw new FormatException($"the column holds JSON null, which is not a {typeof(T).Name}");
        }
        catch (JsonException exception)
        {
            throw new FormatException($"the column does not hold JSON of {typeof(T).Name}: {exception.Message}", exception);
        }
    }

    /// <summary><see cref="Write{T}(T, JsonSerializerContext)"/> by reflection, for a <c>[JsonColumn]</c> member without a context.</summary>
    [RequiresUnreferencedCode("A [JsonColumn] member without a JsonSerializerContext is serialized by reflection: give [JsonColumn(typeof(YourContext))] for trimming and Native AOT.")]
    [RequiresDynamicCode("A [JsonColumn] member without a JsonSerializerContext is serialized by reflection: give [JsonColumn(typeof(YourContext))] for trimming and Native AOT.")]
    public static string Write<T>(T value) => JsonSerializer.Serialize(value);

    /// <summary><see cref="Read{T}(string, JsonSerializerContext)"/> by reflection.</summary>
    [RequiresUnreferencedCode("A [JsonColumn] member without a JsonSerializerContext is serialized by reflection: give [JsonColumn(typeof(YourContext))] for trimming and Native AOT.")]
    [RequiresDynamicCode("A [JsonColumn] member without a JsonSerializerContext is serialized by reflection: give [JsonColumn(typeof(YourContext))] for trimming and Native AOT.")]
    public static T Read<T>(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json) ?? throw new FormatException($"the column holds JSON null, which is not a {typeof(T).Name}");
        }
        catch (JsonException exception)
        {
            throw new FormatException($"the column does not hold JSON of {typeof(T).Name}: {exception.Message}", exception);
        }
    }

    /// <summary>
    /// The metadata of <typeparamref name="T"/> in a context, looked up once: the generated code passes one context's
    /// <c>Default</c> per type, so the last one found answers every value without a lookup.
    /// </summary>
    private static class Metadata<T>
    {
        private static Entry? s_last;

        public static JsonTypeInfo<T> Of(JsonSerializerContext context)
        {
            var last = s_last;
            if (last is not null && ReferenceEquals(last.Context, context))
            {
                return last.Info;
            }

            var info = context.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
                ?? throw new InvalidOperationException($"{context.GetType().Name} has no metadata for {typeof(T).Name}: add [JsonSerializable(typeof({typeof(T).Name}))] to it.");
            s_last = new Entry(context, info);
            return info;
        }

        private sealed record Entry(JsonSerializerContext Context, JsonTypeInfo<T> Info);
    }
}
