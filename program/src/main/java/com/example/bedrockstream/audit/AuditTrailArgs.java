package com.example.bedrockstream.audit;

import com.pulumi.aws.cloudtrail.inputs.TrailAdvancedEventSelectorFieldSelectorArgs;
import com.pulumi.core.Output;

import java.util.List;

/**
 * One account's trail: names the composition derives from the stack (and checks with it), the Lambda functions whose
 * invocations it records, and how long its log files are kept.
 *
 * @param logTransitionDays 0: log files stay in S3 Standard until they expire
 */
public record AuditTrailArgs(
        String accountId,
        String region,
        String trailName,
        String bucketName,
        String keyAlias,
        LambdaInvocations invocations,
        int logExpirationDays,
        int logTransitionDays) {

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
