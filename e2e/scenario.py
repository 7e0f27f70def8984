#!/usr/bin/env python3
"""The real-engine scenario: every stack through the real Pulumi CLI, a file backend and the stand-in AWS provider.

Run by e2e/run, which builds the CLI and the language host first. Each step asserts what a user would see; the run
ends with one line "e2e: N passed, M failed" and exits non-zero on any failure. Nothing leaves this machine: the
backend is a directory, the secrets provider a passphrase, AWS the stand-in provider's cloud in a directory.
"""
import argparse
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = "bedrock-stream"
PLUGIN_VERSIONS = ("6.83.0", "7.12.0")  # the default provider's, and the notebook's explicit provider's (DESIGN.md §6)
PROVIDER_MAIN = "com.example.bedrockstream.offline.standin.StandInAwsProvider"
PREVIEW_MAIN = "com.example.bedrockstream.offline.OfflinePreview"
ML_ACCOUNT, APP_ACCOUNT, FOREIGN_ACCOUNT = "444455556666", "111122223333", "999988887777"
SIG_KEY, SECRET_SIG = "4dabf18193072939515e22adb298388d", "1b47061264138c4ac30d75fd1eb44270"  # a secret in the state

# A spoke in a region the project has never seen, written by the scenario: a further region is one more file.
EXTRA_SPOKE = "app-euc1"
EXTRA_SPOKE_FILE = f"""\
config:
  aws:region: eu-central-1
  aws:allowedAccountIds:
    - "{APP_ACCOUNT}"
  aws:defaultTags:
    tags:
      project: bedrock-stream
      stack: {EXTRA_SPOKE}
  bedrock-stream:role: app-spoke
  bedrock-stream:accountId: "{APP_ACCOUNT}"
  bedrock-stream:vpcCidr: 10.50.0.0/22
  bedrock-stream:availabilityZones:
    - eu-central-1a
    - eu-central-1b
  bedrock-stream:hubStack: organization/bedrock-stream/app-use1
  bedrock-stream:transitGatewayAsn: 64520
  bedrock-stream:notebookEnabled: false
  bedrock-stream:appFunctionReservedConcurrency: 10
"""


class Result:
    def __init__(self, code, out, seconds):
        self.code, self.out, self.seconds = code, out, seconds

    @property
    def ok(self):
        return self.code == 0


def steps_of(preview):
    """The steps of `pulumi preview --json`, or none when it printed no JSON."""
    try:
        return json.loads(preview.out[preview.out.index("{"):]).get("steps", [])
    except ValueError:
        return []


class Scenario:
    def __init__(self, repo: Path, bin_dir: Path, work: Path):
        self.repo, self.bin_dir, self.work = repo, bin_dir, work
        self.project = work / "project"
        self.pack = repo / "policy-pack" / "bedrock-stream-policy"
        self.cloud = work / "cloud"
        self.passphrase = "e2e " + secrets.token_hex(8)
        self.external_id = secrets.token_hex(24)
        self.passed = self.failed = 0
        self.transcript = []  # everything the CLI printed, for the plain-text secret check
        self.timings = {}  # stack -> {"offline": s, "preview": s, "up": s}
        self.plan = {}
        self.order = []  # the deploy order, from the offline preview
        self.offline_seconds = 0.0

    # --- reporting -------------------------------------------------------------------------------------------
    def check(self, step, what, ok, detail=""):
        if ok:
            self.passed += 1
            print(f"  ok    {step}: {what}", flush=True)
        else:
            self.failed += 1
            print(f"  FAIL  {step}: {what}" + (f"\n        {detail.strip()[-3000:]}".replace("\n", "\n        ")
                                               if detail else ""), flush=True)
        return ok

    # --- running things --------------------------------------------------------------------------------------
    def env(self, account, passphrase=None):
        env = dict(os.environ)
        env.update({
            "PATH": f"{self.bin_dir}{os.pathsep}{env.get('PATH', '')}",
            "PULUMI_HOME": str(self.work / "home"),
            "PULUMI_BACKEND_URL": "file://" + str(self.work / "state"),
            "PULUMI_CONFIG_PASSPHRASE": passphrase or self.passphrase,
            "PULUMI_SKIP_UPDATE_CHECK": "true",
            "PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION": "true",
            "PULUMI_IGNORE_AMBIENT_PLUGINS": "true",
            "PULUMI_SKIP_CONFIRMATIONS": "true",
            "PULUMI_DIY_BACKEND_NO_LEGACY_WARNING": "true",
            "E2E_CLOUD_DIR": str(self.cloud),
            "E2E_AWS_ACCOUNT": account,
        })
        for key in ("PULUMI_ACCESS_TOKEN", "PULUMI_DEBUG_PROVIDERS", "PULUMI_CONFIG_PASSPHRASE_FILE"):
            env.pop(key, None)
        return env

    def pulumi(self, stack, *args, account=APP_ACCOUNT, passphrase=None, pack=True):
        """Runs the CLI as a user would; every preview and up with the policy pack, as the README says."""
        with_pack = ["--policy-pack", str(self.pack)] if pack and args[0] in ("preview", "up") else []
        command = ["pulumi", *args, *with_pack, "--non-interactive"] + (["--stack", stack] if stack else [])
        started = time.monotonic()
        run = subprocess.run(command, cwd=self.project, env=self.env(account, passphrase), text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        result = Result(run.returncode, run.stdout, time.monotonic() - started)
        self.transcript.append(run.stdout)
        return result

    def account_of(self, stack):
        return ML_ACCOUNT if self.role(stack) == "ml" else APP_ACCOUNT

    def role(self, stack):
        text = (self.project / f"Pulumi.{stack}.yaml").read_text()
        return re.search(r"bedrock-stream:role:\s*(\S+)", text).group(1)

    def export(self, stack):
        """The stack's state as `pulumi stack export` prints it, or None when that fails."""
        result = self.pulumi(stack, "stack", "export", account=self.account_of(stack))
        return json.loads(result.out) if result.ok else None

    def aws_resources(self, stack):
        resources = (self.export(stack) or {}).get("deployment", {}).get("resources") or []
        return [r for r in resources if r["type"].startswith("aws:")]

    def cloud_entries(self):
        """Every resource the stand-in cloud holds, read from its store without a provider."""
        entries = []
        for store in sorted(self.cloud.glob("**/*.json")):
            data = json.loads(store.read_text() or "{}")
            entries.extend(data.get("resources", data) if isinstance(data, dict) else data)
        return entries

    # --- setting up ------------------------------------------------------------------------------------------
    def prepare(self):
        self.project.mkdir(parents=True)
        shutil.copy(self.repo / "Pulumi.yaml", self.project)
        for name in ("program", "verifier", "lambda-src"):
            (self.project / name).symlink_to(self.repo / name)
        for stack_file in sorted(self.repo.glob("Pulumi.*.yaml")):
            shutil.copy(stack_file, self.project)
        (self.project / f"Pulumi.{EXTRA_SPOKE}.yaml").write_text(EXTRA_SPOKE_FILE)
        self.cloud.mkdir()
        (self.work / "state").mkdir()
        plugins = self.work / "plugins"
        for version in PLUGIN_VERSIONS:
            launcher = plugins / version / "pulumi-resource-aws"
            launcher.parent.mkdir(parents=True)
            launcher.write_text("#!/bin/sh\n# The stand-in AWS provider (e2e/README.md), served as plugin aws "
                                f"{version}.\nexec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "
                                f"'{self.repo / 'verifier' / 'target' / 'bedrock-stream-verifier.jar'}' {PROVIDER_MAIN} --version {version} "
                                '"$@"\n')
            launcher.chmod(0o755)
            result = self.pulumi(None, "plugin", "install", "resource", "aws", version, "--file", str(launcher))
            self.check("setup", f"the stand-in provider installed as plugin aws {version}", result.ok, result.out)

    def offline_plan(self):
        """The offline preview of the same four stack files: the deploy order, and what each stack should hold."""
        plan_file = self.work / "plan.json"
        started = time.monotonic()
        run = subprocess.run(["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                              str(self.repo / "verifier" / "target" / "bedrock-stream-verifier.jar"), PREVIEW_MAIN,
                              "--root", str(self.project), "--json", str(plan_file)],
                             cwd=self.project, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.offline_seconds = time.monotonic() - started
        self.check("plan", "the offline preview of the four stack files passes", run.returncode == 0, run.stdout)
        for stack, millis in re.findall(r"^== (\S+): .*\(run in (\d+) ms\)", run.stdout, re.M):
            self.timings.setdefault(stack, {})["offline"] = int(millis) / 1000
        if not plan_file.exists():
            return False
        # A stack the offline preview refuses still goes through the real engine: both must refuse it.
        self.plan = json.loads(plan_file.read_text())
        self.order = [s["stack"] for s in self.plan["stacks"]]
        return True

    def planned(self, stack):
        return next(s for s in self.plan["stacks"] if s["stack"] == stack)

    # --- the steps -------------------------------------------------------------------------------------------
    def step1_init(self):
        for stack in self.order:
            result = self.pulumi(stack, "stack", "init", "--secrets-provider", "passphrase",
                                 account=self.account_of(stack))
            self.check("1 init", f"stack init {stack}", result.ok, result.out)
        ml = self.ml_stack()
        result = self.pulumi(ml, "config", "set", "--secret", "externalId", self.external_id, account=ML_ACCOUNT)
        text = (self.project / f"Pulumi.{ml}.yaml").read_text()
        self.check("1 init", f"config set --secret externalId on {ml} stores it encrypted",
                   result.ok and re.search(r"bedrock-stream:externalId:\s*\n\s*secure:", text) is not None
                   and self.external_id not in text, result.out + text)

    def ml_stack(self):
        return next(s for s in self.order if self.role(s) == "ml")

    def step2_preview_up(self):
        for stack in self.order:
            account = self.account_of(stack)
            expected = sorted((r["type"], r["name"]) for r in self.planned(stack)["resources"]
                              if r["type"].startswith("aws:"))
            preview = self.pulumi(stack, "preview", "--json", account=account)
            self.timings.setdefault(stack, {})["preview"] = preview.seconds
            to_create = sorted((s["newState"]["type"], s["urn"].rsplit("::", 1)[1]) for s in steps_of(preview)
                               if s["op"] == "create" and s["newState"]["type"].startswith("aws:"))
            self.check("2 preview", f"{stack}: pulumi preview would create exactly the offline preview's "
                                    f"{len(expected)} resources", preview.ok and to_create == expected,
                       f"only offline: {sorted(set(expected) - set(to_create))[:10]}\n"
                       f"only real: {sorted(set(to_create) - set(expected))[:10]}\n{preview.out[-3000:]}")
            up = self.pulumi(stack, "up", "--yes", "--skip-preview", account=account)
            self.timings[stack]["up"] = up.seconds
            if not self.check("2 up", f"{stack}: pulumi up succeeds", up.ok, up.out):
                return False
            created = sorted((r["type"], r["urn"].rsplit("::", 1)[1]) for r in self.aws_resources(stack))
            self.check("2 up", f"{stack}: the real engine created exactly the offline preview's "
                               f"{len(expected)} resources", created == expected,
                       f"only offline: {sorted(set(expected) - set(created))[:10]}\n"
                       f"only real: {sorted(set(created) - set(expected))[:10]}")
        return True

    def step3_no_changes(self):
        # Rebuild both Lambda artifacts and the program from scratch: a second `up` must find nothing to do.
        for built in ("lambda-src/ml-stream/dist", "lambda-src/app-invoker/target"):
            shutil.rmtree(self.repo / built, ignore_errors=True)
        build = subprocess.run(["./mvnw", "-q", "-DskipTests", "package"], cwd=self.repo, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.check("3 rebuild", "./mvnw -DskipTests package, both Lambda artifacts rebuilt from scratch",
                   build.returncode == 0, build.stdout)
        for stack in self.order:
            bare = self.pulumi(stack, "preview", "--expect-no-changes", account=self.account_of(stack), pack=False)
            result = self.pulumi(stack, "preview", "--expect-no-changes", "--diff", account=self.account_of(stack))
            self.timings[stack].update({"bare preview": bare.seconds, "pack preview": result.seconds})
            self.check("3 no changes", f"{stack}: preview --expect-no-changes after the rebuild, without and with "
                                       f"the policy pack", bare.ok and result.ok, bare.out + result.out)

    def step4_secrets(self):
        for stack in self.order:
            secret_names = [name for name, value in self.planned(stack)["outputs"].items() if value == "[secret]"]
            resources = (self.export(stack) or {}).get("deployment", {}).get("resources") or []
            outputs = next((r.get("outputs", {}) for r in resources if r["type"] == "pulumi:pulumi:Stack"), {})
            plain = [n for n in secret_names if not (isinstance(outputs.get(n), dict)
                                                     and outputs[n].get(SIG_KEY) == SECRET_SIG)]
            if secret_names:
                self.check("4 secrets", f"{stack}: {', '.join(secret_names)} exported as secrets", not plain,
                           f"not secret in the state: {plain}")
        hub = next(s for s in self.order if self.role(s) == "app-hub")
        shown = self.pulumi(hub, "stack", "output", "invokeExternalId", account=APP_ACCOUNT)
        self.check("4 secrets", f"{hub}: `pulumi stack output invokeExternalId` shows it masked",
                   shown.ok and "[secret]" in shown.out and self.external_id not in shown.out, shown.out)
        leaks = [str(f.relative_to(self.work)) for f in self.work.rglob("*")
                 if f.is_file() and not f.is_symlink() and self.external_id.encode() in f.read_bytes()]
        self.check("4 secrets", "the external id is in no state, stack, cloud or plugin file in plain text",
                   not leaks, f"found in {leaks}")
        self.check("4 secrets", "the external id appears in no CLI output in plain text",
                   not any(self.external_id in t for t in self.transcript))
        # A hub whose secrets provider cannot decrypt the ML stack's outputs.
        stranger = hub + "-otherkey"
        shutil.copy(self.repo / f"Pulumi.{hub}.yaml", self.project / f"Pulumi.{stranger}.yaml")
        other = "another passphrase " + secrets.token_hex(4)
        init = self.pulumi(stranger, "stack", "init", "--secrets-provider", "passphrase", passphrase=other)
        before = len(self.cloud_entries())
        up = self.pulumi(stranger, "up", "--yes", "--skip-preview", passphrase=other)
        self.said_once("4 secrets", f"{stranger} (another passphrase): up stops with the program's message",
                       init, up, "which is what Pulumi returns for a secret it cannot decrypt")
        self.nothing_created("4 secrets", stranger, before, passphrase=other)
        self.pulumi(stranger, "stack", "rm", "--yes", "--force", passphrase=other)

    def said_once(self, step, what, init, result, message):
        count = result.out.count(message)
        return self.check(step, what + ", said once", init.ok and not result.ok and count == 1,
                          f"exit {result.code}, message seen {count} times:\n{init.out}\n{result.out}")

    def nothing_created(self, step, stack, cloud_before, account=APP_ACCOUNT, passphrase=None):
        export = self.pulumi(stack, "stack", "export", account=account, passphrase=passphrase)
        resources = json.loads(export.out).get("deployment", {}).get("resources") or [] if export.ok else []
        made = [r["urn"] for r in resources if r["type"].startswith("aws:")]
        after = len(self.cloud_entries())
        self.check(step, f"{stack}: nothing created", export.ok and not made and after == cloud_before,
                   f"in the state: {made}; cloud entries {cloud_before} -> {after}")

    def step5_bad_input(self):
        hub, ml = (next(s for s in self.order if self.role(s) == r) for r in ("app-hub", "ml"))
        spoke = next(s for s in self.order if self.role(s) == "app-spoke")
        cases = [
            ("bad-typo", hub, APP_ACCOUNT, lambda t: t + "  bedrock-stream:logRetentionDay: 30\n",
             "did you mean logRetentionDays?"),
            ("bad-type", hub, APP_ACCOUNT,
             lambda t: re.sub(r"(bedrock-stream:transitGatewayAsn:).*", r"\1 sixty-four", t),
             "configuration key 'transitGatewayAsn' must be of type 'integer'"),
            ("bad-missing", hub, APP_ACCOUNT, lambda t: re.sub(r"  bedrock-stream:accountId:.*\n", "", t),
             "is missing configuration value 'accountId'"),
            ("bad-mlstack", hub, APP_ACCOUNT,
             lambda t: re.sub(r"(bedrock-stream:mlStack:).*", r"\1 organization/bedrock-stream/ml-nowhere", t),
             "expected a stack this one can read, but reading stack 'organization/bedrock-stream/ml-nowhere' failed"),
            ("bad-hubstack", spoke, APP_ACCOUNT,
             lambda t: re.sub(r"(bedrock-stream:hubStack:).*", rf"\1 organization/bedrock-stream/{ml}", t),
             f"stack '{'organization/bedrock-stream/' + ml}'"),
            ("bad-account", hub, FOREIGN_ACCOUNT, lambda t: t, f"AWS account ID not allowed: {FOREIGN_ACCOUNT}"),
        ]
        for name, base, account, edit, message in cases:
            text = edit((self.repo / f"Pulumi.{base}.yaml").read_text())
            (self.project / f"Pulumi.{name}.yaml").write_text(text)
            before = len(self.cloud_entries())
            init = self.pulumi(name, "stack", "init", "--secrets-provider", "passphrase", account=account)
            up = self.pulumi(name, "up", "--yes", "--skip-preview", account=account)
            self.said_once("5 bad input", f"{name}: up refused", init, up, message)
            self.nothing_created("5 bad input", name, before, account=account)
            self.pulumi(name, "stack", "rm", "--yes", "--force", account=account)

    def step6_one_key(self):
        ml = self.ml_stack()
        log_groups = sorted(r["name"] for r in self.planned(ml)["resources"]
                            if r["type"] == "aws:cloudwatch/logGroup:LogGroup"
                            and r["inputs"].get("retentionInDays") == 90)
        result = self.pulumi(ml, "config", "set", "logRetentionDays", "30", account=ML_ACCOUNT)
        preview = self.pulumi(ml, "preview", "--json", account=ML_ACCOUNT)
        changed = sorted((s["op"], s["urn"].rsplit("::", 1)[1], tuple(s.get("diffReasons") or []))
                         for s in steps_of(preview) if s["op"] != "same")
        expected = [("update", name, ("retentionInDays",)) for name in log_groups]
        self.check("6 one key", f"{ml}: logRetentionDays 90 -> 30 previews as exactly {len(expected)} log group "
                                f"updates", result.ok and preview.ok and changed == expected,
                   f"changes: {changed}\nexpected: {expected}\n{preview.out[-2000:]}")
        up = self.pulumi(ml, "up", "--yes", "--skip-preview", account=ML_ACCOUNT)
        again = self.pulumi(ml, "preview", "--expect-no-changes", account=ML_ACCOUNT)
        self.check("6 one key", f"{ml}: the change applies and leaves nothing to do", up.ok and again.ok,
                   up.out + again.out)

    def step8_policy_pack(self):
        """The pack where users run Pulumi: a mandatory rule stops a preview, an advisory one is shown and passes."""
        spoke = next(s for s in self.order if self.role(s) == "app-spoke" and s != EXTRA_SPOKE)
        taken = re.search(r"bedrock-stream:vpcCidr:\s*(\S+)", (self.project / f"Pulumi.{spoke}.yaml").read_text())[1]
        cases = [("vpcCidr", taken, False, "design:distinct-vpc-blocks", f"the block of {spoke}, {taken}"),
                 ("appFunctionReservedConcurrency", "0", True, "checkov:CKV_AWS_115", "no concurrency cap")]
        for key, value, passes, rule, what in cases:
            original = self.pulumi(EXTRA_SPOKE, "config", "get", key).out.strip()
            self.pulumi(EXTRA_SPOKE, "config", "set", key, value)
            preview = self.pulumi(EXTRA_SPOKE, "preview")
            level = "advisory" if passes else "mandatory"
            shown = re.search(rf"\[{level}\]\s+{re.escape(rule)}\b", preview.out) is not None
            self.check("8 policy pack", f"{EXTRA_SPOKE} with {key} = {what}: preview "
                                        f"{'passes, showing' if passes else 'is refused by'} {rule}",
                       preview.ok == passes and shown, preview.out[-4000:])
            self.pulumi(EXTRA_SPOKE, "config", "set", key, original)
        again = self.pulumi(EXTRA_SPOKE, "preview", "--expect-no-changes")
        self.check("8 policy pack", f"{EXTRA_SPOKE}: its stack file restored, nothing to do", again.ok, again.out)

    def step7_destroy(self):
        others = [s for s in self.order if s != EXTRA_SPOKE]
        before = {s: self.export(s) for s in others}
        # What `destroy` leaves in AWS on purpose (retainOnDelete), e.g. the audit trail's bucket.
        retained = {r["urn"] for export in before.values() if export
                    for r in export.get("deployment", {}).get("resources") or [] if r.get("retainOnDelete")}
        result = self.pulumi(EXTRA_SPOKE, "destroy", "--yes", "--skip-preview", account=APP_ACCOUNT)
        self.check("7 destroy", f"destroy {EXTRA_SPOKE} alone", result.ok, result.out)
        changed = [s for s in others if before[s] is None or self.export(s) != before[s]]
        self.check("7 destroy", f"{', '.join(others)} unchanged by it (stack export before and after)", not changed,
                   f"changed or unreadable: {changed}")
        spoke_left = [e for e in self.cloud_entries() if EXTRA_SPOKE in json.dumps(e.get("urn", ""))]
        self.check("7 destroy", f"nothing of {EXTRA_SPOKE} left in the cloud, its hub side included", not spoke_left,
                   json.dumps(spoke_left)[:2000])
        for stack in reversed(others):
            account = self.account_of(stack)
            destroy = self.pulumi(stack, "destroy", "--yes", "--skip-preview", account=account)
            self.check("7 destroy", f"destroy {stack}", destroy.ok, destroy.out)
        for stack in self.order:
            removed = self.pulumi(stack, "stack", "rm", "--yes", account=self.account_of(stack))
            self.check("7 destroy", f"stack rm {stack}", removed.ok, removed.out)
        left = [e for e in self.cloud_entries() if e["urn"] not in retained]
        self.check("7 destroy", f"the cloud holds nothing but the {len(retained)} resources the program retains",
                   not left, json.dumps(left)[:2000])

    def run(self):
        print(f"e2e: workspace {self.work}", flush=True)
        self.prepare()
        if not self.offline_plan():
            return
        print(f"e2e: deploy order {' -> '.join(self.order)}", flush=True)
        self.step1_init()
        if self.step2_preview_up():
            self.step3_no_changes()
            self.step4_secrets()
            self.step5_bad_input()
            self.step6_one_key()
            self.step8_policy_pack()
        self.step7_destroy()

    def report_timings(self):
        columns = ("offline", "preview", "up", "bare preview", "pack preview")
        print("\ne2e: wall time per stack (s): offline preview run | pulumi preview | pulumi up | no-change preview "
              "without | with the policy pack")
        for stack in self.order:
            t = self.timings.get(stack, {})
            print(f"  {stack:<10} " + " | ".join(f"{t.get(c, 0):6.1f}" for c in columns))
        print(f"  offline preview of all stacks, JVM included: {self.offline_seconds:.1f} s")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bin", required=True, type=Path, help="directory with pulumi and pulumi-language-java")
    parser.add_argument("--keep", action="store_true", help="keep the workspace for a look afterwards")
    args = parser.parse_args()
    repo = Path(__file__).resolve().parent.parent
    work = Path(tempfile.mkdtemp(prefix="bedrock-e2e-"))
    scenario = Scenario(repo, args.bin.resolve(), work)
    started = time.monotonic()
    try:
        scenario.run()
    except Exception as error:  # a crash of the scenario itself is a failure, reported like the others
        scenario.check("scenario", "ran to the end", False, repr(error))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    scenario.report_timings()
    print(f"  whole scenario: {time.monotonic() - started:.0f} s")
    print(f"e2e: {scenario.passed} passed, {scenario.failed} failed")
    sys.exit(1 if scenario.failed else 0)


if __name__ == "__main__":
    main()
