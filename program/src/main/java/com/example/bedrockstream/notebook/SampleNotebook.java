package com.example.bedrockstream.notebook;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The sample a notebook starts with: assume the invoker role through regional STS, then stream a completion from
 * the ML function, printing each chunk as it arrives. The instance has no way to the internet, so neither the
 * lifecycle script nor the notebook installs or downloads anything: the notebook runs in the platform's own
 * conda_python3 kernel and uses the standard library and the boto3 that kernel ships. The external id is asked for,
 * not written into the notebook.
 *
 * @param region        the ML (and hub) region
 * @param modelId       one of the allowed models
 */
public record SampleNotebook(String region, String functionArn, String invokerRoleArn, String modelId) {
    static final String PATH = "/home/ec2-user/SageMaker/bedrock-stream-sample.ipynb";
    /** SageMaker's limit on a lifecycle script, base64-encoded. */
    static final int MAX_SCRIPT_BASE64 = 16384;

    /** The on-create lifecycle script, base64 as SageMaker wants it. Written once, so user edits survive restarts. */
    public String onCreateBase64() {
        String script = String.join("\n",
                "#!/bin/bash",
                "set -euo pipefail",
                "mkdir -p /home/ec2-user/SageMaker",
                "cat > " + PATH + " <<'SAMPLE_NOTEBOOK'",
                ipynb(),
                "SAMPLE_NOTEBOOK",
                "chown ec2-user:ec2-user " + PATH,
                "");
        String encoded = Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8));
        if (encoded.length() > MAX_SCRIPT_BASE64) {
            throw new IllegalStateException("the sample notebook script is " + encoded.length()
                    + " base64 characters; SageMaker allows " + MAX_SCRIPT_BASE64);
        }
        return encoded;
    }

    String ipynb() {
        var cells = new JsonArray();
        cells.add(markdown("# Stream a Bedrock completion through the private path",
                "Regional STS and Lambda resolve to the hub's interface endpoints; nothing leaves the AWS network.",
                "Nothing is installed: the platform's conda_python3 kernel already has boto3.",
                "Paste the external id from `pulumi stack output --stack app-use1 --show-secrets invokeExternalId`."));
        cells.add(code(
                "import codecs, getpass, json, time",
                "import boto3",
                "",
                "REGION = " + quote(region),
                "ML_FUNCTION_ARN = " + quote(functionArn),
                "INVOKER_ROLE_ARN = " + quote(invokerRoleArn),
                "EXTERNAL_ID = getpass.getpass('External id: ')",
                "",
                "# The regional STS name is the one the private hosted zone answers; sts.amazonaws.com has no private path.",
                "sts = boto3.client('sts', region_name=REGION, endpoint_url=f'https://sts.{REGION}.amazonaws.com')",
                "creds = sts.assume_role(RoleArn=INVOKER_ROLE_ARN, RoleSessionName='notebook-sample',",
                "                        ExternalId=EXTERNAL_ID)['Credentials']",
                "ml = boto3.client('lambda', region_name=REGION,",
                "                  aws_access_key_id=creds['AccessKeyId'],",
                "                  aws_secret_access_key=creds['SecretAccessKey'],",
                "                  aws_session_token=creds['SessionToken'])"));
        cells.add(code(
                "request = {",
                "    'modelId': " + quote(modelId) + ",",
                "    'messages': [{'role': 'user', 'content': [{'text': 'Explain AWS PrivateLink in three sentences.'}]}],",
                "    'inferenceConfig': {'maxTokens': 300},",
                "}",
                "start, first = time.monotonic(), None",
                "response = ml.invoke_with_response_stream(FunctionName=ML_FUNCTION_ARN, Payload=json.dumps(request))",
                "text = codecs.getincrementaldecoder('utf-8')()",
                "for event in response['EventStream']:",
                "    if 'PayloadChunk' in event:",
                "        first = first if first is not None else time.monotonic() - start",
                "        print(text.decode(event['PayloadChunk']['Payload']), end='', flush=True)",
                "    elif 'InvokeComplete' in event and event['InvokeComplete'].get('ErrorCode'):",
                "        done = event['InvokeComplete']",
                "        raise RuntimeError(f\"{done['ErrorCode']}: {done.get('ErrorDetails', '')}\")",
                "print(f'\\n\\nfirst byte after {first:.3f}s, total {time.monotonic() - start:.3f}s')"));
        var notebook = new JsonObject();
        notebook.add("cells", cells);
        var kernel = new JsonObject();
        kernel.addProperty("name", "conda_python3");
        kernel.addProperty("display_name", "conda_python3");
        kernel.addProperty("language", "python");
        var metadata = new JsonObject();
        metadata.add("kernelspec", kernel);
        notebook.add("metadata", metadata);
        notebook.addProperty("nbformat", 4);
        notebook.addProperty("nbformat_minor", 5);
        return new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create().toJson(notebook);
    }

    private static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static JsonObject markdown(String... lines) {
        var cell = new JsonObject();
        cell.addProperty("cell_type", "markdown");
        cell.add("metadata", new JsonObject());
        cell.add("source", source(List.of(lines)));
        return cell;
    }

    private static JsonObject code(String... lines) {
        var cell = new JsonObject();
        cell.addProperty("cell_type", "code");
        cell.add("metadata", new JsonObject());
        cell.add("outputs", new JsonArray());
        cell.add("execution_count", null);
        cell.add("source", source(List.of(lines)));
        return cell;
    }

    private static JsonArray source(List<String> lines) {
        var source = new JsonArray();
        for (int i = 0; i < lines.size(); i++) {
            source.add(lines.get(i) + (i < lines.size() - 1 ? "\n" : ""));
        }
        return source;
    }
}
