// A moto_server on loopback for tests that need a real EC2 API: started on a free port with our own
// AMI fixture, warmed (its first EC2 call builds the region's backend), and stopped after the tests.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { DescribeImagesCommand, EC2Client } from "@aws-sdk/client-ec2";

export interface Moto {
    /** `http://127.0.0.1:<port>` */
    endpoint: string;
    stop(): Promise<void>;
}

const START_TIMEOUT_MS = 20_000;

export async function startMoto(options: { amisPath: string }): Promise<Moto> {
    const port = await freePort();
    const endpoint = `http://127.0.0.1:${port}`;
    const server = spawn("moto_server", ["-H", "127.0.0.1", "-p", String(port)], {
        env: { ...process.env, MOTO_AMIS_PATH: options.amisPath },
        stdio: ["ignore", "ignore", "pipe"],
    });
    let output = "";
    server.stderr?.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-2000)));
    const moto: Moto = { endpoint, stop: () => stopProcess(server) };
    try {
        await waitUntilAnswering(endpoint, server);
        const warmUp = new EC2Client({
            region: "us-east-1",
            endpoint,
            credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
        });
        await warmUp.send(new DescribeImagesCommand({ Owners: ["self"] }));
        warmUp.destroy();
    } catch (error) {
        await moto.stop();
        throw new Error(`moto_server did not start: ${(error as Error).message}\n${output}`);
    }
    return moto;
}

/** Points the AWS SDK's standard configuration at `endpoint` with fake credentials; returns the undo. */
export function useFakeAws(endpoint: string): () => void {
    return setEnv({
        AWS_ENDPOINT_URL_EC2: endpoint,
        AWS_ENDPOINT_URL: undefined,
        AWS_ACCESS_KEY_ID: "testing",
        AWS_SECRET_ACCESS_KEY: "testing",
        AWS_SESSION_TOKEN: undefined,
        AWS_PROFILE: undefined,
        AWS_REGION: "us-east-1",
        AWS_EC2_METADATA_DISABLED: "true",
        AWS_CONFIG_FILE: "/nonexistent/aws-config",
        AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/aws-credentials",
    });
}

/** Sets (or, for `undefined`, removes) environment variables; returns the undo. */
export function setEnv(values: Record<string, string | undefined>): () => void {
    const before = Object.fromEntries(Object.keys(values).map((name) => [name, process.env[name]]));
    const apply = (vars: Record<string, string | undefined>): void => {
        for (const [name, value] of Object.entries(vars)) {
            if (value === undefined) delete process.env[name];
            else process.env[name] = value;
        }
    };
    apply(values);
    return () => apply(before);
}

async function freePort(): Promise<number> {
    const probe = createServer();
    probe.listen(0, "127.0.0.1");
    await once(probe, "listening");
    const address = probe.address();
    probe.close();
    if (address === null || typeof address === "string") throw new Error("no TCP port");
    return address.port;
}

async function waitUntilAnswering(endpoint: string, server: ChildProcess): Promise<void> {
    const giveUpAt = Date.now() + START_TIMEOUT_MS;
    while (Date.now() < giveUpAt) {
        if (server.exitCode !== null) throw new Error(`exited with code ${server.exitCode}`);
        try {
            await fetch(`${endpoint}/moto-api/`);
            return;
        } catch {
            await new Promise((resolve) => setTimeout(resolve, 100));
        }
    }
    throw new Error(`no answer on ${endpoint} within ${START_TIMEOUT_MS} ms`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    await exited;
}
