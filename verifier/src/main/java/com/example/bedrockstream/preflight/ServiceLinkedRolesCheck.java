package com.example.bedrockstream.preflight;

import com.example.bedrockstream.offline.AwsTypes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The service-linked roles AWS creates on the first use of a service. A Transit Gateway's first VPC attachment
 * creates AWSServiceRoleForVPCTransitGateway, which needs iam:CreateServiceLinkedRole that a deployer scoped to the
 * stacks' names lacks; the role is then missing halfway through `up`. Created once, it serves every later stack.
 */
final class ServiceLinkedRolesCheck implements PreflightCheck {
    static final String NAME = "service-linked role ";
    /** Resource type of the plan to the role its first use creates and the service that role is for. */
    static final Map<String, List<String>> ROLES = Map.of(
            AwsTypes.TRANSIT_GATEWAY, List.of("AWSServiceRoleForVPCTransitGateway", "transitgateway.amazonaws.com"));

    @Override
    public List<CheckResult> run(PlannedStack stack, AwsClients aws) {
        var results = new ArrayList<CheckResult>();
        ROLES.forEach((type, role) -> {
            if (stack.ofType(type).isEmpty()) {
                return;
            }
            String name = NAME + role.get(0);
            try (var iam = aws.iam()) {
                iam.getRole(r -> r.roleName(role.get(0)));
                results.add(CheckResult.pass(name, "exists"));
            } catch (NoSuchEntityException missing) {
                results.add(CheckResult.fail(name, "missing; the stack's " + type + " needs it", "create it once"
                        + " (free): aws iam create-service-linked-role --aws-service-name " + role.get(1)
                        + " (or deploy with the generated deployer role, which may create it: docs/deploy-roles/)"));
            } catch (SdkException e) {
                results.add(CheckResult.fail(name, "iam:GetRole failed: " + e.getMessage(),
                        "allow the deploying credentials iam:GetRole on " + role.get(0)));
            }
        });
        return results;
    }
}
