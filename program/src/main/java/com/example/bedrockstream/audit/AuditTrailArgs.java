package com.example.bedrockstream.audit;

import com.example.bedrockstream.scope.StackScope;
import com.pulumi.aws.cloudtrail.inputs.TrailAdvancedEventSelectorFieldSelectorArgs;
import com.pulumi.core.Output;

import java.util.List;
import java.util.Objects;

/**
 * One account's trail, in the scope's account and region: names the composition derives from the stack (and checks
 * with it), the Lambda functions whose invocations it records, and how long its log files are kept. Made with
 * {@link #builder}, each value named.
 *
 * @param logTransitionDays 0: log files stay in S3 Standard until they expire
 */
public record AuditTrailArgs(
        StackScope scope,
        String trailName,
        String bucketName,
        String keyAlias,
        LambdaInvocations invocations,
        int logExpirationDays,
        int logTransitionDays) {

    public static Builder builder(StackScope scope, String trailName) {
        return new Builder(scope, trailName);
    }

    public static final class Builder {
        private final StackScope scope;
        private final String trailName;
        private String bucketName;
        private String keyAlias;
        private LambdaInvocations invocations;
        private Integer logExpirationDays;
        private int logTransitionDays;

        private Builder(StackScope scope, String trailName) {
            this.scope = scope;
            this.trailName = trailName;
        }

        public Builder bucketName(String bucketName) {
            this.bucketName = bucketName;
            return this;
        }

        public Builder keyAlias(String keyAlias) {
            this.keyAlias = keyAlias;
            return this;
        }

        public Builder invocations(LambdaInvocations invocations) {
            this.invocations = invocations;
            return this;
        }

        public Builder logExpirationDays(int days) {
            this.logExpirationDays = days;
            return this;
        }

        /** Unset, the log files stay in S3 Standard until they expire. */
        public Builder logTransitionDays(int days) {
            this.logTransitionDays = days;
            return this;
        }

        public AuditTrailArgs build() {
            return new AuditTrailArgs(scope, trailName, required(bucketName, "bucketName"), required(keyAlias, "keyAlias"),
                    required(invocations, "invocations"), required(logExpirationDays, "logExpirationDays"),
                    logTransitionDays);
        }

        private <T> T required(T value, String name) {
            return Objects.requireNonNull(value, () -> "trail " + trailName + ": " + name + " is not set");
        }
    }

    /** The Lambda functions whose invocations the trail records as data events. */
    public sealed interface LambdaInvocations {
        /** How the trail's event selector is named. */
        String description();

        /** The selector's condition on the function ARN. */
        TrailAdvancedEventSelectorFieldSelectorArgs arnCondition();

        /** Another function's data events are paid for and worth nothing here, so only this one's. */
        static LambdaInvocations of(Output<String> functionArn) {
            return new Function(functionArn);
        }

        /** Functions named alike in every region of the account, including ones deployed after this trail. */
        static LambdaInvocations namedEndingWith(String suffix) {
            return new NamesEndingWith(suffix);
        }
    }

    public record Function(Output<String> arn) implements LambdaInvocations {
        public String description() {
            return "Invocations of the function";
        }

        public TrailAdvancedEventSelectorFieldSelectorArgs arnCondition() {
            return TrailAdvancedEventSelectorFieldSelectorArgs.builder()
                    .field("resources.ARN").equals_(arn.applyValue(List::of)).build();
        }
    }

    public record NamesEndingWith(String suffix) implements LambdaInvocations {
        public String description() {
            return "Invocations of the functions named *" + suffix;
        }

        public TrailAdvancedEventSelectorFieldSelectorArgs arnCondition() {
            return TrailAdvancedEventSelectorFieldSelectorArgs.builder()
                    .field("resources.ARN").endsWiths(suffix).build();
        }
    }
}
