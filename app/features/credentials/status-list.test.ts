import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { encodeStatusList } from "./status-list.server";

const decode = (list: string) => gunzipSync(Buffer.from(list.slice(1), "base64url"));

describe("encodeStatusList", () => {
  it("is multibase base64url of GZIP, 131,072 bits, all clear when nothing is revoked", () => {
    const list = encodeStatusList([]);
    expect(list.startsWith("u")).toBe(true);
    const bytes = decode(list);
    expect(bytes.length * 8).toBe(131_072);
    expect(bytes.every((b) => b === 0)).toBe(true);
  });

  it("sets bit i counting from the most significant bit of the first byte", () => {
    const bytes = decode(encodeStatusList([0, 9, 131_071]));
    expect(bytes[0]).toBe(0b1000_0000);
    expect(bytes[1]).toBe(0b0100_0000);
    expect(bytes[bytes.length - 1]).toBe(0b0000_0001);
    expect(bytes.filter((b) => b !== 0)).toHaveLength(3);
  });

  it("ignores places outside the list", () => {
    expect(decode(encodeStatusList([-1, 131_072, 1.5])).every((b) => b === 0)).toBe(true);
  });
});
