package com.example.bedrockstream.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The name rules of the AWS provider plugin 6.83.0 (Terraform AWS provider 5.x validators) for every kind of name
 * this program derives from the stack name. The config parser checks the derived names with them before anything is
 * registered; the offline preview (offline/rules) checks every registered resource with the same rules.
 */
public enum AwsNames {
    IAM_ROLE("IAM role name", "^[\\w+=,.@-]+$", "[A-Za-z0-9+=,.@_-]", 1, 64, "iam/role.go name (validResourceName(64))"),
    IAM_POLICY("IAM policy name", "^[\\w+=,.@-]+$", "[A-Za-z0-9+=,.@_-]", 1, 128, "iam/policy.go name (validResourceName(128))"),
    LAMBDA_FUNCTION("Lambda function name", "^[0-9A-Za-z_-]+$", "[A-Za-z0-9_-]", 1, 64, "lambda/validate.go validFunctionName"),
    KMS_ALIAS("KMS alias", "^alias/(?!aws/)[0-9A-Za-z_/-]+$", "alias/ then [A-Za-z0-9/_-]", 7, 256, "kms/validate.go validNameForResource"),
    LOG_GROUP("log group name", "^[.\\-_/#A-Za-z0-9]+$", "[A-Za-z0-9._/#-]", 1, 512, "logs/validate.go validLogGroupName"),
    SAGEMAKER("SageMaker name", "^[0-9A-Za-z](-*[0-9A-Za-z])*$", "letters, digits and single or repeated hyphens between them",
            1, 63, "sagemaker/validate.go validName"),
    SECURITY_GROUP("security group name", "(?s).*", "any characters", 0, 255, "ec2/vpc_security_group.go name"),
    // The provider checks bucket names only outside us-east-1; S3 now applies the same rules in every region.
    S3_BUCKET("S3 bucket name", "^(?!.*\\.\\.)(?!xn--|sthree-)[a-z0-9][a-z0-9.-]*[a-z0-9]$",
            "lowercase letters, digits, '.' and '-', starting and ending with a letter or digit", 3, 63,
            "s3/bucket.go validBucketName"),
    // The provider checks only the length; the characters are the CloudTrail API's (CreateTrail Name).
    CLOUDTRAIL("CloudTrail trail name", "^(?![0-9.]+$)(?!.*[._-][._-])[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9]$",
            "letters, digits, '.', '_' and '-', never two of '._-' in a row, starting and ending with a letter or digit",
            3, 128, "cloudtrail/trail.go name"),
    RESOLVER("Route 53 Resolver name", "^(?![0-9]$)[0-9A-Za-z_ -]+$", "[A-Za-z0-9_ -]", 1, 64,
            "route53resolver/validate.go validResolverName"),
    SNS_TOPIC("SNS topic name", "^[0-9A-Za-z_-]+$", "[A-Za-z0-9_-]", 1, 256, "sns/topic.go resourceTopicCustomizeDiff (standard topic)"),
    SCHEDULER("EventBridge Scheduler name", "^[0-9A-Za-z_.-]+$", "[A-Za-z0-9_.-]", 1, 64,
            "scheduler/schedule.go and schedule_group.go name"),
    DASHBOARD("CloudWatch dashboard name", "^[0-9A-Za-z_-]+$", "[A-Za-z0-9_-]", 1, 255, "cloudwatch/validate.go validDashboardName");

    private final String what;
    private final Pattern pattern;
    private final String characters;
    private final int minLength;
    private final int maxLength;
    private final String source;

    AwsNames(String what, String regex, String characters, int minLength, int maxLength, String source) {
        this.what = what;
        this.pattern = Pattern.compile(regex);
        this.characters = characters;
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.source = source;
    }

    public String what() {
        return what;
    }

    public Pattern pattern() {
        return pattern;
    }

    public int minLength() {
        return minLength;
    }

    public int maxLength() {
        return maxLength;
    }

    /** Where the rule is, in terraform-provider-aws 5.x internal/service/. */
    public String source() {
        return source;
    }

    /** What is wrong with {@code name} under this rule, if anything. */
    public Optional<String> problem(String name) {
        if (name.length() < minLength || name.length() > maxLength) {
            return Optional.of(what + " \"" + name + "\" has " + name.length() + " characters, at most " + maxLength);
        }
        return pattern.matcher(name).matches() ? Optional.empty()
                : Optional.of(what + " \"" + name + "\" may only hold " + characters);
    }
}
