package com.example.bedrockstream.offline.standin;

import java.util.Map;
import java.util.Set;

/**
 * An input that names another resource, as AWS resolves it when the call is made: by id, by ARN, or by name where
 * the API takes a name (an inline policy's role, a bucket's configuration).
 *
 * @param property the input's name, for the error message
 * @param value    the id, ARN or name
 */
record Reference(String property, String value, Kind kind) {

    /** How a reference finds its resource, and what AWS answers when there is none. */
    enum Kind {
        /** An EC2-style or Resolver id: vpc-…, subnet-…, tgw-attach-…, rqlc-…. */
        RESOURCE_ID(Set.of()),
        HOSTED_ZONE_ID(Set.of()),
        KMS_KEY_ID(Set.of()),
        ARN(Set.of()),
        ROLE_NAME(Set.of("aws:iam/role:Role")),
        BUCKET_NAME(Set.of("aws:s3/bucketV2:BucketV2", "aws:s3/bucket:Bucket")),
        FUNCTION_NAME(Set.of("aws:lambda/function:Function")),
        NOTEBOOK_LIFECYCLE_CONFIG_NAME(Set.of(
                "aws:sagemaker/notebookInstanceLifecycleConfiguration:NotebookInstanceLifecycleConfiguration"));

        /** What AWS says of a missing resource, by the prefix of its id. */
        private static final Map<String, String> MISSING_BY_ID_PREFIX = Map.of(
                "vpc", "InvalidVpcID.NotFound: The vpc ID '%s' does not exist",
                "subnet", "InvalidSubnetID.NotFound: The subnet ID '%s' does not exist",
                "sg", "InvalidGroup.NotFound: The security group '%s' does not exist",
                "rtb", "InvalidRouteTableID.NotFound: The routeTable ID '%s' does not exist",
                "vpce", "InvalidVpcEndpointId.NotFound: The Vpc Endpoint Id '%s' does not exist",
                "tgw", "InvalidTransitGatewayID.NotFound: Transit Gateway %s was deleted or does not exist.",
                "tgw-rtb",
                "InvalidRouteTableID.NotFound: Transit Gateway Route Table %s was deleted or does not exist.",
                "tgw-attach",
                "InvalidTransitGatewayAttachmentID.NotFound: Transit Gateway Attachment %s was deleted or does not exist.",
                "rqlc", "ResourceNotFoundException: [RSLVR-01400] Resolver query log config %s does not exist.");

        /** What AWS says of a missing resource, by the service of its ARN. */
        private static final Map<String, String> MISSING_BY_ARN_SERVICE = Map.of(
                "kms", "NotFoundException: Key '%s' does not exist",
                "logs", "ResourceNotFoundException: The specified log group does not exist: %s",
                "lambda", "ResourceNotFoundException: Function not found: %s",
                "sns", "NotFound: Topic does not exist: %s",
                "s3", "NoSuchBucket: The specified bucket does not exist: %s");

        /** For a name: the types whose resources carry such names; no resource of these types names itself. */
        final Set<String> namedTypes;

        Kind(Set<String> namedTypes) {
            this.namedTypes = namedTypes;
        }

        /** Whether the stored resource is the one {@code value} names. */
        boolean names(CloudEntry entry, String value) {
            return switch (this) {
                case RESOURCE_ID, HOSTED_ZONE_ID, KMS_KEY_ID -> entry.id().equals(value);
                case ARN -> entry.id().equals(value) || entry.arns().contains(value);
                default -> namedTypes.contains(entry.type())
                        && (entry.id().equals(value) || value.equals(entry.outputs().get("name")));
            };
        }

        String missing(String value) {
            return switch (this) {
                case RESOURCE_ID -> MISSING_BY_ID_PREFIX
                        .getOrDefault(value.substring(0, value.lastIndexOf('-')), "NotFound: '%s' does not exist")
                        .formatted(value);
                case HOSTED_ZONE_ID -> "NoSuchHostedZone: No hosted zone found with ID: " + value;
                case KMS_KEY_ID -> "NotFoundException: Key '" + value + "' does not exist";
                case ARN -> missingArn(value);
                case ROLE_NAME -> "NoSuchEntity: The role with name " + value + " cannot be found.";
                case BUCKET_NAME -> "NoSuchBucket: The specified bucket does not exist: " + value;
                case FUNCTION_NAME -> "ResourceNotFoundException: Function not found: " + value;
                case NOTEBOOK_LIFECYCLE_CONFIG_NAME ->
                        "ValidationException: Notebook Instance Lifecycle Config " + value + " does not exist";
            };
        }

        /** arn:partition:service:region:account:resource */
        private static String missingArn(String arn) {
            String[] parts = arn.split(":", 6);
            if (parts[2].equals("iam") && parts[5].startsWith("role/")) {
                return ROLE_NAME.missing(parts[5].substring(parts[5].lastIndexOf('/') + 1));
            }
            if (parts[2].equals("iam") && parts[5].startsWith("policy/")) {
                return "NoSuchEntity: Policy " + arn + " does not exist or is not attachable.";
            }
            return MISSING_BY_ARN_SERVICE.getOrDefault(parts[2], "ResourceNotFoundException: %s does not exist")
                    .formatted(arn);
        }
    }

    String missing() {
        return kind.missing(value) + " (" + property + ")";
    }
}
