import { describe, expect, it } from "vitest";
import { renderCurvesSvg } from "./render-curves-svg";

const svg = renderCurvesSvg({
  title: "τ vs labels",
  xLabel: "labels spent",
  yLabel: "mean τ",
  xMax: 1000,
  guides: [0.6],
  series: [
    { name: "random", points: [{ labels: 0, tau: 0 }, { labels: 1000, tau: 0.5 }] },
    { name: "a<b", points: [{ labels: 0, tau: 0 }, { labels: 500, tau: 1 }], sd: [0, 0.1] },
  ],
});

describe("renderCurvesSvg", () => {
  it("draws one polyline per series and a band only where sd is given", () => {
    expect(svg.match(/<polyline /g)).toHaveLength(2);
    expect(svg.match(/<polygon /g)).toHaveLength(1);
  });

  it("maps data to the plot box: x 0..xMax → 64..736, τ 0..1 → 404..40", () => {
    expect(svg).toContain('points="64.0,404.0 736.0,222.0"');
    expect(svg).toContain('points="64.0,404.0 400.0,40.0"');
  });

  it("labels both axes, the guide and the legend, escaping text", () => {
    for (const text of ["labels spent", "mean τ", "τ = 0.6", "random", "a&lt;b", "1,000"]) expect(svg).toContain(text);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
  });
});
