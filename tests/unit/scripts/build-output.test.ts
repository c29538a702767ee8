import { describe, expect, it } from "vitest";
import { withoutEsbuildExitDeadlock } from "../../../scripts/build-output";

describe("remix build's output as npm start passes it on", () => {
  it("drops esbuild's goroutine dump printed at exit, keeping what came before", () => {
    const output = [
      "Building Remix app in production mode...",
      "Built in 4.2s",
      "fatal error: all goroutines are asleep - deadlock!",
      "",
      "goroutine 1 [chan receive]:",
      "github.com/evanw/esbuild/internal/helpers.(*ThreadSafeWaitGroup).Wait(...)",
    ].join("\n");
    expect(withoutEsbuildExitDeadlock(output)).toBe("Building Remix app in production mode...\nBuilt in 4.2s\n");
  });

  it("leaves any other output alone, warnings and errors included", () => {
    const output = "warning: something\nerror: Could not resolve \"x\"\n";
    expect(withoutEsbuildExitDeadlock(output)).toBe(output);
    expect(withoutEsbuildExitDeadlock("")).toBe("");
  });
});
