package com.example.bedrockstream.offline.pack;

import com.example.bedrockstream.offline.EngineWire;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Property values as the engine marshals them to an analyzer (unknowns and secrets kept, as protobuf Structs), read
 * into the rules' model as the mock engine hands them to the offline preview: numbers as doubles, objects as maps,
 * lists as lists. An unknown becomes {@link Unknown}; a secret becomes its value, its text kept to be masked.
 */
final class EngineValues {
    static final String UNKNOWN = EngineWire.UNKNOWN;
    static final String SIGNATURE_KEY = EngineWire.SIGNATURE_KEY;
    static final String SECRET_SIGNATURE = EngineWire.SECRET;
    /** What `pulumi policy analyze` hands over for a secret it cannot decrypt, whatever the value's type. */
    static final String BLINDED = "[secret]";

    private EngineValues() {
    }

    /** @param where names the properties' owner, for what an unknown says ("ec2/Subnet app-use1-private-a") */
    static Map<String, Object> read(Struct struct, String where, SecretTexts secrets) {
        var values = new LinkedHashMap<String, Object>();
        struct.getFieldsMap().forEach((key, value) -> values.put(key, read(value, where + " " + key, secrets)));
        return new GuardedMap(values);
    }

    static Object read(Value value, String where, SecretTexts secrets) {
        return switch (value.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> null;
            case NUMBER_VALUE -> value.getNumberValue();
            case BOOL_VALUE -> value.getBoolValue();
            case STRING_VALUE -> UNKNOWN.equals(value.getStringValue())
                    ? new Unknown(where + ", known only once AWS has created what it depends on")
                    : value.getStringValue();
            case LIST_VALUE -> {
                var items = new ArrayList<Object>();
                var list = value.getListValue().getValuesList();
                for (int i = 0; i < list.size(); i++) {
                    items.add(read(list.get(i), where + "[" + i + "]", secrets));
                }
                yield new GuardedList(items);
            }
            case STRUCT_VALUE -> {
                if (isSecret(value)) {
                    Value inner = value.getStructValue().getFieldsOrDefault("value", Value.getDefaultInstance());
                    if (BLINDED.equals(inner.getStringValue())) {
                        yield new Unknown(where + ", a secret the CLI could not decrypt");
                    }
                    Object plain = read(inner, where, secrets);
                    secrets.add(plain);
                    yield plain;
                }
                yield read(value.getStructValue(), where, secrets);
            }
        };
    }

    static boolean isSecret(Value value) {
        return value.hasStructValue() && SECRET_SIGNATURE.equals(value.getStructValue().getFieldsOrDefault(
                SIGNATURE_KEY, Value.getDefaultInstance()).getStringValue());
    }
}
