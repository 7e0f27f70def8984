package com.example.bedrockstream.verify;

import com.example.bedrockstream.config.StackNames;
import com.example.bedrockstream.offline.AwsTypes;
import com.example.bedrockstream.offline.OfflineRun;
import com.example.bedrockstream.policy.Statement;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What the verify command calls, for the deploy role it runs with after `up` (the workflows' verify jobs): invoking
 * the Application Lambdas and testing the alarms, each by its exact name from the plans. Reading the caller's
 * identity needs no permission.
 */
public final class VerifyPermissions {
    private VerifyPermissions() {
    }

    public static List<Statement> of(String accountId, List<OfflineRun> runs) {
        var functions = new TreeSet<String>();
        var alarms = new TreeSet<String>();
        for (OfflineRun run : runs) {
            run.ofType(AwsTypes.FUNCTION).stream().map(f -> f.string("name"))
                    .filter(StackNames.appFunction(run.stack())::equals)
                    .forEach(name -> functions.add("arn:aws:lambda:*:" + accountId + ":function:" + name));
            run.ofType(AwsTypes.METRIC_ALARM).forEach(a ->
                    alarms.add("arn:aws:cloudwatch:*:" + accountId + ":alarm:" + a.string("name")));
        }
        var statements = new ArrayList<Statement>();
        if (!functions.isEmpty()) {
            statements.add(Statement.allow("VerifyAfterUpStreams").actions("lambda:InvokeFunction")
                    .resources(List.copyOf(functions)).build());
        }
        if (!alarms.isEmpty()) {
            statements.add(Statement.allow("VerifyAfterUpNotifies")
                    .actions("cloudwatch:DescribeAlarms", "cloudwatch:SetAlarmState", "cloudwatch:DescribeAlarmHistory")
                    .resources(List.copyOf(alarms)).build());
        }
        return statements;
    }
}
