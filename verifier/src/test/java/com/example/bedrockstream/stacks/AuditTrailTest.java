package com.example.bedrockstream.stacks;

import com.example.bedrockstream.Policies;
import com.example.bedrockstream.Stacks;
import com.example.bedrockstream.contract.HubOutputs;
import com.example.bedrockstream.contract.MlOutputs;
import com.example.bedrockstream.contract.SpokeOutputs;
import com.example.bedrockstream.offline.MockResource;
import com.example.bedrockstream.offline.OfflineRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The account trail of ml-use1 and app-use1 as committed: its settings, its key and bucket, statement by statement;
 * and the switch that leaves the account to an organization trail, or to nothing.
 */
class AuditTrailTest {
    static final String ML_ACCOUNT = "444455556666";
    static final String APP_ACCOUNT = "111122223333";
    static final String TRAIL = "aws:cloudtrail/trail:Trail";
    static final String BUCKET = "aws:s3/bucketV2:BucketV2";
    static final String ML_TRAIL_ARN = "arn:aws:cloudtrail:us-east-1:" + ML_ACCOUNT + ":trail/ml-use1-audit";
    static final String ML_BUCKET = "ml-use1-trail-" + ML_ACCOUNT + "-us-east-1";
    static final String ML_BUCKET_ARN = "arn:aws:s3:::" + ML_BUCKET;
    /** Every resource that exists only for the trail. */
    static final List<String> TRAIL_TYPES = List.of(TRAIL, BUCKET, "aws:s3/bucketPolicy:BucketPolicy",
            "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "aws:s3/bucketVersioningV2:BucketVersioningV2",
            "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
            "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
            "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2");

    static OfflineRun ml;
    static OfflineRun hub;

    @BeforeAll
    static void deploy() {
        var chain = Stacks.spoke();
        ml = chain.ml();
        hub = chain.hub();
        assertTrue(ml.succeeded(), ml.errorText());
        assertTrue(hub.succeeded(), hub.errorText());
    }

    private static MockResource mlResource(String type) {
        return ml.named(type, "ml-use1-audit");
    }

    private static String trailKeyArn() {
        return PerimeterAssertions.stateOf(ml, ml.named("aws:kms/key:Key", "ml-use1-audit-trail"), "arn");
    }

    @Test
    void theTrailIsMultiRegionValidatedAndEncryptedWithItsOwnKey() {
        var trail = mlResource(TRAIL);
        assertEquals("ml-use1-audit", trail.string("name"));
        assertEquals(ML_BUCKET, trail.string("s3BucketName"));
        assertEquals(true, trail.input("isMultiRegionTrail").orElseThrow());
        assertEquals(true, trail.input("includeGlobalServiceEvents").orElseThrow());
        assertEquals(true, trail.input("enableLogFileValidation").orElseThrow());
        assertEquals(true, trail.input("enableLogging").orElseThrow());
        assertEquals(trailKeyArn(), trail.string("kmsKeyId"));
        assertEquals(ML_TRAIL_ARN, PerimeterAssertions.stateOf(ml, trail, "arn"));
        assertEquals(List.of("ml-use1-audit"), trail.dependsOn(), "CloudTrail checks the bucket policy when it creates the trail");
        assertEquals("alias/ml-use1-audit-trail",
                ml.named("aws:kms/alias:Alias", "ml-use1-audit-trail-alias").string("name"));
        assertEquals(true, ml.named("aws:kms/key:Key", "ml-use1-audit-trail").input("enableKeyRotation").orElseThrow());
    }

    @Test
    void destroyStopsTheTrailButKeepsItsRecordsProtectedAndReadable() {
        for (var run : List.of(ml, hub)) {
            String name = run.stack() + "-audit";
            assertFalse(run.named(TRAIL, name).retainOnDelete(), "destroy deletes the trail: it stops recording and billing");
            for (String type : TRAIL_TYPES.subList(1, TRAIL_TYPES.size())) {
                assertTrue(run.named(type, name).retainOnDelete(), run.stack() + ": destroy leaves " + type);
            }
            assertTrue(run.named("aws:kms/key:Key", name + "-trail").retainOnDelete(),
                    "the log files are unreadable without their key");
            assertTrue(run.named("aws:kms/alias:Alias", name + "-trail-alias").retainOnDelete());
        }
        assertFalse(ml.named("aws:kms/key:Key", "ml-use1-logs").retainOnDelete(), "other keys go with the stack");
    }

    @Test
    void theMlTrailRecordsManagementEventsAndTheInvocationsOfTheMlFunctionOnly() {
        assertEquals(List.of(
                        Map.of("name", "Management events", "fieldSelectors",
                                List.of(Map.of("field", "eventCategory", "equals", List.of("Management")))),
                        Map.of("name", "Invocations of the function", "fieldSelectors", List.of(
                                Map.of("field", "eventCategory", "equals", List.of("Data")),
                                Map.of("field", "resources.type", "equals", List.of("AWS::Lambda::Function")),
                                Map.of("field", "resources.ARN", "equals",
                                        List.of("arn:aws:lambda:us-east-1:" + ML_ACCOUNT + ":function:ml-use1-ml-stream"))))),
                mlResource(TRAIL).list("advancedEventSelectors"));
    }

    /** The hub is not redeployed for a new spoke, so its trail selects Application Lambdas by name, in every region. */
    @Test
    void theHubTrailRecordsTheInvocationsOfEveryRegionsApplicationLambda() {
        var trail = hub.named(TRAIL, "app-use1-audit");
        assertEquals(true, trail.input("isMultiRegionTrail").orElseThrow());
        @SuppressWarnings("unchecked")
        var data = (Map<String, Object>) trail.list("advancedEventSelectors").get(1);
        assertEquals("Invocations of the functions named *-app-invoker", data.get("name"));
        assertEquals(List.of(Map.of("field", "eventCategory", "equals", List.of("Data")),
                Map.of("field", "resources.type", "equals", List.of("AWS::Lambda::Function")),
                Map.of("field", "resources.ARN", "endsWiths", List.of("-app-invoker"))), data.get("fieldSelectors"));
        assertTrue(String.valueOf(hub.outputs().get(HubOutputs.APP_FUNCTION_NAME.name())).endsWith("-app-invoker"));
        assertEquals("app-use1-trail-" + APP_ACCOUNT + "-us-east-1", hub.named(BUCKET, "app-use1-audit").string("bucket"));
    }

    @Test
    void theBucketRefusesPlainHttpAndAdmitsOnlyCloudTrailForThisTrail() {
        var policy = mlResource("aws:s3/bucketPolicy:BucketPolicy");
        assertEquals(ML_BUCKET, policy.string("bucket"));
        var statements = Policies.parse(policy.string("policy"));
        assertEquals(List.of("DenyRequestsWithoutTls", "CloudTrailChecksBucketAcl", "CloudTrailWritesLogFiles"),
                statements.stream().map(Policies.Stmt::sid).toList());

        var tls = statements.get(0);
        assertEquals("Deny", tls.effect());
        assertEquals(Map.of("AWS", List.of("*")), tls.principal());
        assertEquals(List.of("s3:*"), tls.actions());
        assertEquals(List.of(ML_BUCKET_ARN, ML_BUCKET_ARN + "/*"), tls.resources());
        assertEquals(Map.of("Bool", Map.of("aws:SecureTransport", List.of("false"))), tls.conditions());

        var acl = statements.get(1);
        assertEquals("Allow", acl.effect());
        assertEquals(Map.of("Service", List.of("cloudtrail.amazonaws.com")), acl.principal());
        assertEquals(List.of("s3:GetBucketAcl"), acl.actions());
        assertEquals(List.of(ML_BUCKET_ARN), acl.resources());
        assertEquals(Map.of("StringEquals", Map.of("aws:SourceArn", List.of(ML_TRAIL_ARN))), acl.conditions());

        var write = statements.get(2);
        assertEquals("Allow", write.effect());
        assertEquals(Map.of("Service", List.of("cloudtrail.amazonaws.com")), write.principal());
        assertEquals(List.of("s3:PutObject"), write.actions());
        assertEquals(List.of(ML_BUCKET_ARN + "/AWSLogs/" + ML_ACCOUNT + "/*"), write.resources());
        assertEquals(Map.of("StringEquals", Map.of("s3:x-amz-acl", List.of("bucket-owner-full-control"),
                "aws:SourceArn", List.of(ML_TRAIL_ARN))), write.conditions());
        assertEquals(List.of("ml-use1-audit"), policy.dependsOn(), "S3 refuses a policy while the access block changes");
    }

    @Test
    void theBucketBlocksEveryKindOfPublicAccessAndOwnsEveryObject() {
        var block = mlResource("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock");
        assertEquals(ML_BUCKET, block.string("bucket"));
        for (String setting : List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets")) {
            assertEquals(true, block.input(setting).orElseThrow(), setting);
        }
        assertEquals("BucketOwnerEnforced",
                mlResource("aws:s3/bucketOwnershipControls:BucketOwnershipControls").string("rule.objectOwnership"));
    }

    @Test
    void theBucketIsVersionedAndEncryptedWithTheTrailKeyByDefault() {
        assertEquals("Enabled", mlResource("aws:s3/bucketVersioningV2:BucketVersioningV2")
                .string("versioningConfiguration.status"));
        var encryption = mlResource("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2");
        assertEquals(ML_BUCKET, encryption.string("bucket"));
        assertEquals(List.of(Map.of("applyServerSideEncryptionByDefault",
                Map.of("sseAlgorithm", "aws:kms", "kmsMasterKeyId", trailKeyArn()))), encryption.list("rules"));
    }

    @Test
    void logFilesExpireAsConfiguredAndStayInStandardByDefault() {
        var lifecycle = mlResource("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2");
        assertEquals(List.of("ml-use1-audit"), lifecycle.dependsOn(), "versioning comes first");
        assertEquals(List.of(Map.of(
                "id", "expire-trail-logs",
                "status", "Enabled",
                "filter", Map.of("prefix", "AWSLogs/"),
                "expiration", Map.of("days", 365.0),
                "noncurrentVersionExpiration", Map.of("noncurrentDays", 90.0),
                "abortIncompleteMultipartUpload", Map.of("daysAfterInitiation", 7.0))), lifecycle.list("rules"));
    }

    @Test
    void aConfiguredTransitionMovesLogFilesToGlacierInstantRetrieval() {
        var run = Stacks.mlWith(Map.of("auditLogExpirationDays", "2557", "auditLogTransitionDays", "180"));
        assertTrue(run.succeeded(), run.errorText());
        @SuppressWarnings("unchecked")
        var rule = (Map<String, Object>) run.named("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
                "ml-use1-audit").list("rules").get(0);
        assertEquals(Map.of("days", 2557.0), rule.get("expiration"));
        assertEquals(List.of(Map.of("days", 180.0, "storageClass", "GLACIER_IR")), rule.get("transitions"));
    }

    @Test
    void theKeyLetsCloudTrailEncryptForThisTrailOnlyAndTheAccountReadThroughS3() {
        var policy = ml.named("aws:kms/key:Key", "ml-use1-audit-trail").string("policy");
        var statements = Policies.parse(policy);
        assertEquals(List.of("AccountAdministersKey", "CloudTrailEncryptsThisTrail", "CloudTrailDescribesKey",
                "AccountReadsThisTrailsLogs"), statements.stream().map(Policies.Stmt::sid).toList());
        var admin = statements.get(0);
        assertEquals(Map.of("AWS", List.of("arn:aws:iam::" + ML_ACCOUNT + ":root")), admin.principal());
        assertTrue(admin.actions().stream().noneMatch(a -> a.matches("kms:(Encrypt|Decrypt|GenerateDataKey|ReEncrypt).*")),
                admin.actions().toString());

        var encrypt = statements.get(1);
        assertEquals(Map.of("Service", List.of("cloudtrail.amazonaws.com")), encrypt.principal());
        assertEquals(List.of("kms:GenerateDataKey*"), encrypt.actions());
        assertEquals(Map.of("StringEquals", Map.of("aws:SourceArn", List.of(ML_TRAIL_ARN),
                "kms:EncryptionContext:aws:cloudtrail:arn", List.of(ML_TRAIL_ARN))), encrypt.conditions());

        var describe = statements.get(2);
        assertEquals(Map.of("Service", List.of("cloudtrail.amazonaws.com")), describe.principal());
        assertEquals(List.of("kms:DescribeKey"), describe.actions());
        assertEquals(Map.of("StringEquals", Map.of("aws:SourceArn", List.of(ML_TRAIL_ARN))), describe.conditions());

        var read = statements.get(3);
        assertEquals(Map.of("AWS", List.of("arn:aws:iam::" + ML_ACCOUNT + ":root")), read.principal());
        assertEquals(List.of("kms:Decrypt"), read.actions());
        assertEquals(Map.of("StringEquals", Map.of("kms:EncryptionContext:aws:cloudtrail:arn", List.of(ML_TRAIL_ARN),
                "kms:ViaService", List.of("s3.us-east-1.amazonaws.com"))), read.conditions());
    }

    @Test
    void theOutputNamesTheTrail() {
        assertEquals(ML_TRAIL_ARN, ml.outputs().get(MlOutputs.AUDIT_TRAIL.name()));
        assertEquals("arn:aws:cloudtrail:us-east-1:" + APP_ACCOUNT + ":trail/app-use1-audit",
                hub.outputs().get(HubOutputs.AUDIT_TRAIL.name()));
    }

    @ParameterizedTest(name = "auditTrail: {0}")
    @ValueSource(strings = {"organization", "off"})
    void anAccountLeftToAnOrganizationTrailOrToNothingGetsNoTrailAndSaysSo(String mode) {
        var mlRun = Stacks.mlWith(Map.of("auditTrail", mode));
        var hubRun = Stacks.hub(Map.of("auditTrail", mode), exports -> exports);
        for (OfflineRun run : List.of(mlRun, hubRun)) {
            assertTrue(run.succeeded(), run.errorText());
            for (String type : TRAIL_TYPES) {
                assertEquals(List.of(), run.ofType(type), run.stack() + " " + type);
            }
            assertTrue(run.ofType("aws:kms/key:Key").stream().noneMatch(k -> k.name().endsWith("-audit-trail")),
                    run.stack() + " has no trail key");
        }
        assertEquals(mode, mlRun.outputs().get(MlOutputs.AUDIT_TRAIL.name()));
        assertEquals(mode, hubRun.outputs().get(HubOutputs.AUDIT_TRAIL.name()));
    }

    /** A spoke is the hub's account in another region: the hub's multi-region trail records it. */
    @Test
    void aSpokeCreatesNoTrailAndReportsTheHubsTrail() {
        var chain = Stacks.spoke();
        var spoke = chain.spoke();
        assertTrue(spoke.succeeded(), spoke.errorText());
        for (String type : TRAIL_TYPES) {
            assertEquals(List.of(), spoke.ofType(type), type);
        }
        assertEquals(chain.hub().outputs().get(HubOutputs.AUDIT_TRAIL.name()),
                spoke.outputs().get(SpokeOutputs.AUDIT_TRAIL.name()));

        var covered = Stacks.spoke("app-apse1", Map.of(),
                exports -> {
                    exports.put(HubOutputs.AUDIT_TRAIL.name(), "organization");
                    return exports;
                }).spoke();
        assertTrue(covered.succeeded(), covered.errorText());
        assertEquals("organization", covered.outputs().get(SpokeOutputs.AUDIT_TRAIL.name()));
    }
}
