import { describe, expect, it } from "vitest";
import { UsageError } from "./bench-args";
import { DEFAULT_SERVER, parseStatusArgs, parseSubmitArgs, STATUS_USAGE, SUBMIT_USAGE } from "./submit-args";

const NO_ENV = {};

describe("frugalboard submit arguments", () => {
  it("reads every flag", () => {
    const args = parseSubmitArgs(
      [
        "m.onnx",
        "--task",
        "mnist",
        "--model",
        "my-cnn",
        "--name",
        "My CNN",
        "--description",
        "tiny",
        "--training-emissions",
        "emissions.csv",
        "--server",
        "https://fb.example.org/",
        "--token",
        "fb_x",
        "--timeout-s",
        "90",
        "--json",
      ],
      NO_ENV,
    );
    expect(args).toEqual({
      modelPath: "m.onnx",
      task: "mnist",
      model: "my-cnn",
      name: "My CNN",
      description: "tiny",
      trainingEmissionsPath: "emissions.csv",
      server: "https://fb.example.org",
      token: "fb_x",
      timeoutS: 90,
      json: true,
    });
  });

  it("takes the token and the server from the environment, flags first, and defaults to localhost:3000", () => {
    const env = { FRUGALBOARD_TOKEN: "fb_env", FRUGALBOARD_SERVER: "http://ci.example.org:8080" };
    expect(parseSubmitArgs(["m.onnx", "--task=mnist", "--model=m-1"], env)).toMatchObject({ token: "fb_env", server: "http://ci.example.org:8080", json: false, timeoutS: 3600 });
    expect(parseSubmitArgs(["m.onnx", "--task=mnist", "--model=m-1", "--token", "fb_flag", "--server", "http://other:1"], env)).toMatchObject({
      token: "fb_flag",
      server: "http://other:1",
    });
    expect(parseSubmitArgs(["m.onnx", "--task=mnist", "--model=m-1"], { FRUGALBOARD_TOKEN: "fb_env" }).server).toBe(DEFAULT_SERVER);
    // A server under a path prefix keeps it.
    expect(parseSubmitArgs(["m.onnx", "--task=mnist", "--model=m-1", "--server", "https://x.org/frugal/"], env).server).toBe("https://x.org/frugal");
  });

  it("refuses bad command lines with a message that names the problem and the submit usage", () => {
    const env = { FRUGALBOARD_TOKEN: "fb_env" };
    const refusals: [string[], Record<string, string>, string][] = [
      [["m.onnx", "--task", "mnist"], env, "One model file, --task and --model are required."],
      [["--task", "mnist", "--model", "m-1"], env, "One model file, --task and --model are required."],
      [["a.onnx", "b.onnx", "--task", "mnist", "--model", "m-1"], env, "One model file, --task and --model are required."],
      [["m.onnx", "--task", "mnist", "--model", "m-1"], NO_ENV, "An API token is required: set FRUGALBOARD_TOKEN or pass --token"],
      [["m.onnx", "--task", "mnist", "--model", "m-1"], { FRUGALBOARD_TOKEN: "  " }, "An API token is required"],
      [["m.onnx", "--task", "mnist", "--model", "m-1", "--bogus"], env, "Unknown option '--bogus'"],
      [["m.onnx", "--task", "mnist", "--model", "m-1", "--server", "localhost:3000"], env, '--server must be an http(s) URL such as https://frugalboard.example.org, got "localhost:3000".'],
      [["m.onnx", "--task", "mnist", "--model", "m-1", "--server", "ftp://x.org"], env, "--server must be an http(s) URL"],
      [["m.onnx", "--task", "mnist", "--model", "m-1", "--server", "http://x.org/?a=1"], env, "--server must be an http(s) URL"],
      [["m.onnx", "--task", "mnist", "--model", "m-1", "--timeout-s", "0"], env, '--timeout-s must be a number above 0, got "0".'],
      [["m.onnx", "--task", "mnist", "--model", "m-1", "--timeout-s", "soon"], env, '--timeout-s must be a number above 0, got "soon".'],
    ];
    for (const [argv, environment, message] of refusals) {
      let caught: unknown;
      try {
        parseSubmitArgs(argv, environment);
      } catch (error) {
        caught = error;
      }
      expect(caught, argv.join(" ")).toBeInstanceOf(UsageError);
      expect((caught as UsageError).message).toContain(message);
      expect((caught as UsageError).usage).toBe(SUBMIT_USAGE);
    }
  });
});

describe("frugalboard status arguments", () => {
  it("reads the id, --watch and the shared flags; the token is optional", () => {
    expect(parseStatusArgs(["ck123", "--watch", "--server", "http://h:1"], NO_ENV)).toEqual({
      id: "ck123",
      watch: true,
      server: "http://h:1",
      token: undefined,
      json: false,
      timeoutS: 3600,
    });
    expect(parseStatusArgs(["ck123", "--json"], { FRUGALBOARD_TOKEN: "fb_env" })).toMatchObject({ watch: false, json: true, token: "fb_env", server: DEFAULT_SERVER });
  });

  it("refuses a missing id or an unknown flag with the status usage", () => {
    for (const [argv, message] of [
      [[], "One submission id is required."],
      [["a", "b"], "One submission id is required."],
      [["a", "--follow"], "Unknown option '--follow'"],
    ] as [string[], string][]) {
      expect(() => parseStatusArgs(argv, NO_ENV)).toThrow(message);
      try {
        parseStatusArgs(argv, NO_ENV);
      } catch (error) {
        expect((error as UsageError).usage).toBe(STATUS_USAGE);
      }
    }
  });
});
