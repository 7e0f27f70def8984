package com.example.bedrockstream.offline.rules;

import com.example.bedrockstream.domain.AwsNames;
import com.example.bedrockstream.offline.PolicyJson;

import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/** A constraint on one input value, as a provider validator states it. */
public sealed interface Check {
    /** What is wrong with {@code value}, or nothing. */
    Optional<String> problem(Object value);

    /** What a valid value looks like, for the rule's message. */
    String expectation();

    /** A value this check refuses: the failing fixture every input rule gets. */
    Object violatingSample();

    record OneOf(Set<String> allowed) implements Check {
        public static OneOf of(String... allowed) {
            return new OneOf(Set.of(allowed));
        }

        public Optional<String> problem(Object value) {
            return allowed.contains(String.valueOf(value)) ? Optional.empty() : Optional.of("must be " + expectation());
        }

        public String expectation() {
            return "one of " + allowed.stream().sorted().toList();
        }

        public Object violatingSample() {
            return "not-a-valid-value";
        }
    }

    record Between(long min, long max) implements Check {
        public Optional<String> problem(Object value) {
            Optional<Long> n = Inputs.integer(value);
            return n.isPresent() && n.get() >= min && n.get() <= max ? Optional.empty()
                    : Optional.of("must be " + expectation());
        }

        public String expectation() {
            return "an integer from " + min + " to " + max;
        }

        public Object violatingSample() {
            return (double) (max == Integer.MAX_VALUE ? min - 1 : max + 1);
        }
    }

    record IntIn(Set<Long> allowed) implements Check {
        public static IntIn of(long... allowed) {
            return new IntIn(Arrays.stream(allowed).boxed().collect(Collectors.toUnmodifiableSet()));
        }

        public Optional<String> problem(Object value) {
            return Inputs.integer(value).filter(allowed::contains).isPresent() ? Optional.empty()
                    : Optional.of("must be " + expectation());
        }

        public String expectation() {
            return "one of " + allowed.stream().sorted().toList();
        }

        public Object violatingSample() {
            return (double) LongStream.iterate(0, n -> n + 1).filter(n -> !allowed.contains(n)).findFirst().orElseThrow();
        }
    }

    /** A pattern and a length range, the usual shape of a name rule. */
    record Text(Pattern pattern, int minLength, int maxLength) implements Check {
        public static Text matching(String regex, int minLength, int maxLength) {
            return new Text(Pattern.compile(regex), minLength, maxLength);
        }

        /** A name rule the config parser also checks the names derived from the stack name with. */
        public static Text of(AwsNames name) {
            return new Text(name.pattern(), name.minLength(), name.maxLength());
        }

        public static Text length(int minLength, int maxLength) {
            return matching("(?s).*", minLength, maxLength);
        }

        public Optional<String> problem(Object value) {
            String s = String.valueOf(value);
            if (s.length() < minLength || s.length() > maxLength) {
                return Optional.of("length must be " + minLength + " to " + maxLength + ", is " + s.length());
            }
            return pattern.matcher(s).matches() ? Optional.empty() : Optional.of("must match " + pattern.pattern());
        }

        public String expectation() {
            return (pattern.pattern().equals("(?s).*") ? "" : "matching " + pattern.pattern() + ", ")
                    + minLength + " to " + maxLength + " characters";
        }

        public Object violatingSample() {
            return "a".repeat(maxLength + 1);
        }
    }

    record MaxItems(int max) implements Check {
        public Optional<String> problem(Object value) {
            int size = value instanceof List<?> list ? list.size() : 1;
            return size <= max ? Optional.empty() : Optional.of("at most " + max + " item(s), has " + size);
        }

        public String expectation() {
            return "at most " + max + " item(s)";
        }

        public Object violatingSample() {
            return Collections.nCopies(max + 1, "item");
        }
    }

    record IsJson() implements Check {
        public Optional<String> problem(Object value) {
            return PolicyJson.parse(String.valueOf(value)).isPresent() ? Optional.empty() : Optional.of("must be valid JSON");
        }

        public String expectation() {
            return "strict JSON";
        }

        public Object violatingSample() {
            return "{Version: 2012-10-17}";
        }
    }

    record IsBase64() implements Check {
        public Optional<String> problem(Object value) {
            try {
                Base64.getDecoder().decode(String.valueOf(value));
                return Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.of("must be base64");
            }
        }

        public String expectation() {
            return "base64";
        }

        public Object violatingSample() {
            return "#!/bin/bash";
        }
    }

    /** An IPv4 network address in CIDR form, host bits zero (verify.ValidIPv4CIDRNetworkAddress). */
    record Ipv4Network() implements Check {
        private static final Pattern CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

        public Optional<String> problem(Object value) {
            var m = CIDR.matcher(String.valueOf(value));
            if (!m.matches() || Integer.parseInt(m.group(5)) > 32) {
                return Optional.of("must be an IPv4 CIDR block");
            }
            long address = 0;
            for (int i = 1; i <= 4; i++) {
                int octet = Integer.parseInt(m.group(i));
                if (octet > 255) {
                    return Optional.of("must be an IPv4 CIDR block");
                }
                address = address << 8 | octet;
            }
            int prefix = Integer.parseInt(m.group(5));
            long hostMask = prefix == 32 ? 0 : (1L << (32 - prefix)) - 1;
            return (address & hostMask) == 0 ? Optional.empty()
                    : Optional.of("must be a network address (host bits zero)");
        }

        public String expectation() {
            return "an IPv4 network address in CIDR form";
        }

        public Object violatingSample() {
            return "10.0.0.1/16";
        }
    }

    /** A private ASN as EC2 accepts one for a Transit Gateway's Amazon side. */
    record PrivateAsn() implements Check {
        public Optional<String> problem(Object value) {
            Optional<Long> asn = Inputs.integer(value);
            boolean ok = asn.isPresent() && (asn.get() >= 64512 && asn.get() <= 65534
                    || asn.get() >= 4_200_000_000L && asn.get() <= 4_294_967_294L);
            return ok ? Optional.empty() : Optional.of("must be " + expectation());
        }

        public String expectation() {
            return "64512-65534 or 4200000000-4294967294";
        }

        public Object violatingSample() {
            return 65535.0;
        }
    }

    /** A CloudWatch alarm period: 10 or 30 seconds (high resolution), or whole minutes. */
    record Period() implements Check {
        public Optional<String> problem(Object value) {
            return Inputs.integer(value).filter(n -> n == 10 || n == 30 || n > 0 && n % 60 == 0).isPresent()
                    ? Optional.empty() : Optional.of("must be " + expectation());
        }

        public String expectation() {
            return "10, 30 or a multiple of 60 seconds";
        }

        public Object violatingSample() {
            return 90.0;
        }
    }
}
