package com.example.bedrockstream.preflight;

import software.amazon.awssdk.core.exception.SdkException;

import java.util.List;

/** The credentials belong to the account the stack file names: every other answer would be about another account. */
public final class AccountCheck implements PreflightCheck {
    static final String NAME = "account";

    @Override
    public List<CheckResult> run(PlannedStack stack, AwsClients aws) {
        String expected = stack.config().common().accountId();
        try (var sts = aws.sts(stack.region())) {
            var identity = sts.getCallerIdentity();
            if (identity.account().equals(expected)) {
                return List.of(CheckResult.pass(NAME, "credentials of " + identity.arn() + " in account " + expected));
            }
            return List.of(CheckResult.fail(NAME, "the credentials (" + identity.arn() + ") are account "
                    + identity.account() + ", the stack file's accountId is " + expected, "use the credentials of"
                    + " account " + expected + " (AWS_PROFILE, or the deploy role of that account), or correct accountId"
                    + " and aws:allowedAccountIds in Pulumi." + stack.stack() + ".yaml"));
        } catch (SdkException e) {
            return List.of(CheckResult.fail(NAME, "sts:GetCallerIdentity failed: " + e.getMessage(),
                    "provide credentials for account " + expected));
        }
    }
}
