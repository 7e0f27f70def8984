package com.example.bedrockstream.offline.standin;

import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Property bags between the engine's protobuf Structs and the plain Java values {@link com.example.bedrockstream
 * .offline.CloudModel} works on: maps, lists, strings, doubles (protobuf has no other number), booleans and null.
 * The engine's special values (secrets, assets, unknowns) stay in their wire shapes, see {@link Values}.
 */
final class Structs {
    private Structs() {
    }

    static Map<String, Object> toMap(Struct struct) {
        var map = new LinkedHashMap<String, Object>();
        struct.getFieldsMap().forEach((key, value) -> map.put(key, toJava(value)));
        return map;
    }

    static Struct toStruct(Map<String, ?> map) {
        var struct = Struct.newBuilder();
        map.forEach((key, value) -> struct.putFields(key, toValue(value)));
        return struct.build();
    }

    private static Object toJava(Value value) {
        return switch (value.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> null;
            case NUMBER_VALUE -> value.getNumberValue();
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> value.getBoolValue();
            case STRUCT_VALUE -> toMap(value.getStructValue());
            case LIST_VALUE -> {
                var list = new ArrayList<>();
                value.getListValue().getValuesList().forEach(element -> list.add(toJava(element)));
                yield list;
            }
        };
    }

    private static Value toValue(Object value) {
        var builder = Value.newBuilder();
        if (value == null) {
            return builder.setNullValue(NullValue.NULL_VALUE).build();
        }
        if (value instanceof String text) {
            return builder.setStringValue(text).build();
        }
        if (value instanceof Number number) {
            return builder.setNumberValue(number.doubleValue()).build();
        }
        if (value instanceof Boolean flag) {
            return builder.setBoolValue(flag).build();
        }
        if (value instanceof Map<?, ?> map) {
            var struct = Struct.newBuilder();
            map.forEach((key, element) -> struct.putFields(String.valueOf(key), toValue(element)));
            return builder.setStructValue(struct).build();
        }
        if (value instanceof List<?> list) {
            var values = ListValue.newBuilder();
            list.forEach(element -> values.addValues(toValue(element)));
            return builder.setListValue(values).build();
        }
        throw new IllegalArgumentException("not a property value: " + value.getClass().getName());
    }
}
