package com.example.bedrockstream.audit;

import com.example.bedrockstream.ComponentTypes;
import com.example.bedrockstream.encryption.CustomerManagedKey;
import com.example.bedrockstream.policy.TrailPolicies;
import com.pulumi.aws.cloudtrail.Trail;
import com.pulumi.aws.cloudtrail.TrailArgs;
import com.pulumi.aws.cloudtrail.inputs.TrailAdvancedEventSelectorArgs;
import com.pulumi.aws.cloudtrail.inputs.TrailAdvancedEventSelectorFieldSelectorArgs;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.BucketOwnershipControls;
import com.pulumi.aws.s3.BucketOwnershipControlsArgs;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketPublicAccessBlockArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.BucketVersioningV2;
import com.pulumi.aws.s3.BucketVersioningV2Args;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleTransitionArgs;
import com.pulumi.aws.s3.inputs.BucketOwnershipControlsRuleArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketVersioningV2VersioningConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A multi-region CloudTrail trail of the account's management events and of the given functions' invocations, with
 * log file validation, into a private, versioned bucket encrypted with a key of its own. The key and the bucket admit
 * CloudTrail for this trail only; the bucket refuses every request without TLS.
 *
 * <p>The log files are audit records, which must outlive the stack: {@code destroy} deletes the trail but leaves the
 * bucket with every setting that protects it (public access block, ownership, versioning, encryption, lifecycle,
 * policy) and the key with its alias, without which the files could no longer be read. Deleting them is a deliberate
 * step of its own (README, "Deploy and tear down").
 */
public final class AuditTrail extends ComponentResource {
    /** Where CloudTrail writes, with no key prefix: every log and digest file. */
    static final String LOG_FILES = "AWSLogs/";
    /** An overwritten or deleted log file stays recoverable this long; log file validation shows that it happened. */
    static final int NONCURRENT_VERSION_DAYS = 90;
    static final int ABORT_INCOMPLETE_UPLOAD_DAYS = 7;

    private final Output<String> arn;

    public AuditTrail(String name, AuditTrailArgs args, ComponentResourceOptions options) {
        super(ComponentTypes.of("audit", AuditTrail.class), name, options);
        var kept = CustomResourceOptions.builder().parent(this).retainOnDelete(true).build();
        String trailArn = TrailPolicies.trailArn(args.scope().region(), args.scope().accountId(), args.trailName());

        var key = CustomerManagedKey.create(name + "-trail", "Encrypts the log files of CloudTrail trail " + args.trailName(),
                TrailPolicies.key(args.scope().accountId(), args.scope().region(), trailArn), Optional.of(args.keyAlias()), this, true);

        var bucket = new BucketV2(name, BucketV2Args.builder()
                .bucket(args.bucketName())
                .tags(Map.of("Name", args.bucketName()))
                .build(), kept);
        var publicAccess = new BucketPublicAccessBlock(name, BucketPublicAccessBlockArgs.builder()
                .bucket(bucket.id())
                .blockPublicAcls(true)
                .blockPublicPolicy(true)
                .ignorePublicAcls(true)
                .restrictPublicBuckets(true)
                .build(), kept);
        // ACLs off: every object belongs to the bucket owner, whatever the writer asks for.
        new BucketOwnershipControls(name, BucketOwnershipControlsArgs.builder()
                .bucket(bucket.id())
                .rule(BucketOwnershipControlsRuleArgs.builder().objectOwnership("BucketOwnerEnforced").build())
                .build(), kept);
        var versioning = new BucketVersioningV2(name, BucketVersioningV2Args.builder()
                .bucket(bucket.id())
                .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder().status("Enabled").build())
                .build(), kept);
        new BucketServerSideEncryptionConfigurationV2(name, BucketServerSideEncryptionConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                        .applyServerSideEncryptionByDefault(
                                BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs.builder()
                                        .sseAlgorithm("aws:kms")
                                        .kmsMasterKeyId(key.arn())
                                        .build())
                        .build())
                .build(), kept);
        new BucketLifecycleConfigurationV2(name, BucketLifecycleConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(lifecycle(args))
                .build(), CustomResourceOptions.builder().parent(this).retainOnDelete(true).dependsOn(versioning).build());
        // S3 refuses a policy change while the public access block is being applied.
        var policy = new BucketPolicy(name, BucketPolicyArgs.builder()
                .bucket(bucket.id())
                .policy(TrailPolicies.bucket(args.bucketName(), args.scope().accountId(), trailArn).toJson())
                .build(), CustomResourceOptions.builder().parent(this).retainOnDelete(true).dependsOn(publicAccess).build());

        // CloudTrail checks at creation that the bucket policy lets it write.
        var trail = new Trail(name, TrailArgs.builder()
                .name(args.trailName())
                .s3BucketName(bucket.id())
                .isMultiRegionTrail(true)
                .includeGlobalServiceEvents(true)
                .enableLogFileValidation(true)
                .enableLogging(true)
                .kmsKeyId(key.arn())
                .advancedEventSelectors(selectors(args.invocations()))
                .tags(Map.of("Name", args.trailName()))
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(policy).build());
        this.arn = trail.arn();
        registerOutputs(Map.of("arn", arn));
    }

    public Output<String> arn() {
        return arn;
    }

    private static BucketLifecycleConfigurationV2RuleArgs lifecycle(AuditTrailArgs args) {
        var rule = BucketLifecycleConfigurationV2RuleArgs.builder()
                .id("expire-trail-logs")
                .status("Enabled")
                .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix(LOG_FILES).build())
                .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder()
                        .days(args.logExpirationDays()).build())
                .noncurrentVersionExpiration(BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs.builder()
                        .noncurrentDays(NONCURRENT_VERSION_DAYS).build())
                .abortIncompleteMultipartUpload(BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs.builder()
                        .daysAfterInitiation(ABORT_INCOMPLETE_UPLOAD_DAYS).build());
        if (args.logTransitionDays() > 0) {
            rule.transitions(BucketLifecycleConfigurationV2RuleTransitionArgs.builder()
                    .days(args.logTransitionDays())
                    .storageClass("GLACIER_IR")
                    .build());
        }
        return rule.build();
    }

    /** Every management event, and the invocations of the given functions (Lambda data events). */
    private static List<TrailAdvancedEventSelectorArgs> selectors(AuditTrailArgs.LambdaInvocations invocations) {
        return List.of(
                TrailAdvancedEventSelectorArgs.builder()
                        .name("Management events")
                        .fieldSelectors(field("eventCategory", "Management"))
                        .build(),
                TrailAdvancedEventSelectorArgs.builder()
                        .name(invocations.description())
                        .fieldSelectors(field("eventCategory", "Data"), field("resources.type", "AWS::Lambda::Function"),
                                invocations.arnCondition())
                        .build());
    }

    private static TrailAdvancedEventSelectorFieldSelectorArgs field(String field, String value) {
        return TrailAdvancedEventSelectorFieldSelectorArgs.builder().field(field).equals_(value).build();
    }
}
