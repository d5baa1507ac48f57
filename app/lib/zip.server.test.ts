import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readZip } from "../../tests/setup/zip";
import { writeZip } from "./zip.server";

describe("writeZip", () => {
  it("writes deflated and stored entries with UTF-8 names that read back byte for byte", () => {
    const picture = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 255]);
    const zip = writeZip([
      { name: "account.json", data: JSON.stringify({ name: "Μαρία" }) },
      { name: "files/φωτογραφία.png", data: picture, store: true },
      { name: "empty.json", data: "" },
    ]);
    const files = readZip(zip);
    expect([...files.keys()]).toEqual(["account.json", "files/φωτογραφία.png", "empty.json"]);
    expect(JSON.parse(files.get("account.json")!.toString("utf8"))).toEqual({ name: "Μαρία" });
    expect(files.get("files/φωτογραφία.png")).toEqual(picture);
    expect(files.get("empty.json")!.length).toBe(0);
  });

  it("is an archive the system's unzip accepts", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zip-test-"));
    try {
      const file = path.join(dir, "a.zip");
      fs.writeFileSync(file, writeZip([{ name: "a/b.json", data: "[1,2,3]".repeat(100) }]));
      let tested: string;
      try {
        tested = execFileSync("unzip", ["-t", file], { encoding: "utf8" });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return; // no unzip here
        throw error;
      }
      expect(tested).toMatch(/No errors detected/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
