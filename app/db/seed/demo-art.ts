/**
 * Demo portraits and network covers, drawn here by code (licence: the project's, like the rest
 * of the repository): flat, friendly illustrations of no real person, the same every time for
 * the same key, so the demo looks lived-in without any downloaded photo. `demo-art.server.ts`
 * renders them to WebP and stores them like uploads. docs/decisions/028-visual-identity.md.
 */

/** A small deterministic random source (mulberry32) seeded from a string (FNV-1a). */
export function randomFrom(key: string): () => number {
  let seed = 2166136261;
  for (let i = 0; i < key.length; i++) {
    seed ^= key.charCodeAt(i);
    seed = Math.imul(seed, 16777619);
  }
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

const skins = ["#f6d7c3", "#eac0a0", "#d9a27c", "#c18660", "#9c6444", "#7a4a30", "#5c3624"];
const hairs = [
  "#2b1d14",
  "#4a2f1d",
  "#6e4526",
  "#a8652e",
  "#d9b26f",
  "#8c8c8c",
  "#e8e2d6",
  "#1c1c1c",
];
const backdrops = ["#dcefe6", "#f6e7c8", "#e3e6f5", "#f4dede", "#e0eef2", "#ece3f3", "#e9f0d8"];
const clothes = [
  "#0b6e4f",
  "#2f5d8a",
  "#8a3b3b",
  "#c47f0a",
  "#4f4a7a",
  "#35736f",
  "#6b4f3a",
  "#3d4a45",
];
const hairStyles = ["short", "long", "bun", "curly", "side", "bald"] as const;

/**
 * A head-and-shoulders portrait (256 × 256): backdrop, shoulders, neck, face with two eyes and a
 * smile, and one of six hair styles. No text, so it needs no alternative text beyond the name
 * that is always next to an avatar.
 */
export function portraitSvg(key: string): string {
  const random = randomFrom(`portrait:${key}`);
  const skin = pick(random, skins);
  const hair = pick(random, hairs);
  const backdrop = pick(random, backdrops);
  const cloth = pick(random, clothes);
  const style = pick(random, hairStyles);
  const glasses = random() < 0.25;
  const faceY = 108 + Math.round(random() * 8);
  const hairShapes: Record<(typeof hairStyles)[number], string> = {
    short: `<path d="M82 ${faceY - 8}c0-34 22-52 46-52s46 18 46 52c-10-16-28-24-46-24s-36 8-46 24z" fill="${hair}"/>`,
    long: `<path d="M76 ${faceY + 56}V${faceY - 4}c0-38 24-56 52-56s52 18 52 56v60c-8-4-12-14-12-28V${faceY - 10}c-10-14-24-20-40-20s-30 6-40 20v${44}c0 14-4 24-12 28z" fill="${hair}"/>`,
    bun: `<circle cx="128" cy="${faceY - 66}" r="20" fill="${hair}"/><path d="M82 ${faceY - 6}c0-34 22-50 46-50s46 16 46 50c-12-14-28-22-46-22s-34 8-46 22z" fill="${hair}"/>`,
    curly: `<g fill="${hair}">${[-40, -22, -4, 14, 32]
      .map((dx) => `<circle cx="${128 + dx + 4}" cy="${faceY - 44 + Math.abs(dx) / 3}" r="20"/>`)
      .join(
        "",
      )}<circle cx="88" cy="${faceY - 14}" r="14"/><circle cx="168" cy="${faceY - 14}" r="14"/></g>`,
    side: `<path d="M80 ${faceY}c-2-40 20-60 50-60 28 0 48 18 46 50-20-2-44-12-58-30-6 18-20 32-38 40z" fill="${hair}"/>`,
    bald: `<path d="M86 ${faceY - 4}c2-8 6-14 10-18v14zM170 ${faceY - 4}c-2-8-6-14-10-18v14z" fill="${hair}"/>`,
  };
  const eyeY = faceY + 2;
  const eyes = `<circle cx="112" cy="${eyeY}" r="4.5" fill="#1f1a17"/><circle cx="144" cy="${eyeY}" r="4.5" fill="#1f1a17"/>`;
  const specs = glasses
    ? `<g fill="none" stroke="#1f1a17" stroke-width="3"><circle cx="112" cy="${eyeY}" r="12"/><circle cx="144" cy="${eyeY}" r="12"/><path d="M124 ${eyeY}h8"/></g>`
    : "";
  const smile = `<path d="M114 ${faceY + 22}q14 12 28 0" fill="none" stroke="#1f1a17" stroke-width="3.5" stroke-linecap="round"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 256 256" width="256" height="256">
<rect width="256" height="256" fill="${backdrop}"/>
<path d="M40 256c0-52 38-80 88-80s88 28 88 80z" fill="${cloth}"/>
<rect x="112" y="${faceY + 30}" width="32" height="${176 - faceY - 20}" rx="12" fill="${skin}"/>
<ellipse cx="128" cy="${faceY}" rx="44" ry="50" fill="${skin}"/>
${hairShapes[style]}
${eyes}${specs}${smile}
</svg>`;
}

const coverPalettes = [
  ["#e2f0e9", "#a9d8c2", "#4fa383", "#0b6e4f", "#f2b84b"],
  ["#f6ecd9", "#efc98a", "#d9904a", "#8a4b2a", "#2f5d8a"],
  ["#e3e9f6", "#aab9e0", "#6a80c2", "#2f4a8a", "#f2b84b"],
  ["#f4e4e4", "#e2aeae", "#c06b6b", "#7a3434", "#0b6e4f"],
  ["#e0eef2", "#a3cfd9", "#4f98a8", "#1f5c6b", "#c47f0a"],
  ["#ece3f3", "#c9b3dd", "#8f6fb3", "#4f3a73", "#f2b84b"],
] as const;

/**
 * A wide network cover (1200 × 300): layered hills for a local network, a constellation of
 * linked dots for an online one, overlapping circles (the logo's idea) for a cross-border one.
 */
export function coverSvg(key: string, kind: "local" | "online" | "cross_border"): string {
  const random = randomFrom(`cover:${key}`);
  const [sky, light, mid, deep, spot] = pick(random, coverPalettes);
  let art = "";
  if (kind === "local") {
    const sunX = 150 + Math.round(random() * 900);
    art += `<circle cx="${sunX}" cy="${80 + Math.round(random() * 40)}" r="46" fill="${spot}"/>`;
    [light, mid, deep].forEach((fill, layer) => {
      const base = 170 + layer * 45;
      let d = `M0 ${base}`;
      for (let x = 0; x <= 1200; x += 200) {
        const peak = base - 30 - Math.round(random() * 50);
        d += ` Q${x + 100} ${peak} ${x + 200} ${base - Math.round(random() * 20)}`;
      }
      art += `<path d="${d} V300 H0Z" fill="${fill}"/>`;
    });
  } else if (kind === "online") {
    // Dots from left to right, each linked to the next and every third one to the one after:
    // a chain of people across the screen rather than a tangle.
    const dots = Array.from({ length: 22 }, () => ({
      x: 30 + Math.round(random() * 1140),
      y: 40 + Math.round(random() * 220),
    })).sort((a, b) => a.x - b.x);
    const lines = dots
      .flatMap((_, i) => [dots[i + 1], i % 3 === 0 ? dots[i + 2] : undefined])
      .map((b, j) => {
        const a = dots[Math.floor(j / 2)];
        return b ? `<path d="M${a.x} ${a.y}L${b.x} ${b.y}"/>` : "";
      })
      .join("");
    art += `<g stroke="${light}" stroke-width="3" opacity="0.9">${lines}</g>`;
    art += dots
      .map(
        (d, i) =>
          `<circle cx="${d.x}" cy="${d.y}" r="${8 + (i % 4) * 4}" fill="${[mid, deep, spot][i % 3]}"/>`,
      )
      .join("");
  } else {
    for (let i = 0; i < 7; i++) {
      const r = 70 + Math.round(random() * 70);
      const x = 80 + i * 170 + Math.round(random() * 40);
      const y = 150 + Math.round((random() - 0.5) * 80);
      art += `<circle cx="${x}" cy="${y}" r="${r}" fill="${[light, mid, deep][i % 3]}" opacity="0.75"/>`;
    }
    art += `<circle cx="${300 + Math.round(random() * 600)}" cy="150" r="34" fill="${spot}"/>`;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1200 300" width="1200" height="300">
<rect width="1200" height="300" fill="${sky}"/>${art}</svg>`;
}
