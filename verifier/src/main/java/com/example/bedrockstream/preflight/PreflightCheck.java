package com.example.bedrockstream.preflight;

import java.util.List;

/** One kind of account prerequisite; it only reads. */
interface PreflightCheck {
    List<CheckResult> run(PlannedStack stack, AwsClients aws);
}
