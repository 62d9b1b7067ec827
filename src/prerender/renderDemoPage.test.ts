import { describe, expect, it } from 'vitest';
import { demoResult } from 'virtual:demo-analysis';
import { prerenderDemoPage } from './renderDemoPage';

describe("the demo's page, prerendered at build time", () => {
  const page = prerenderDemoPage();

  it("holds the demo's graph, every node placed and visible, with its edges", () => {
    const nodes = [...page.html.matchAll(/class="react-flow__node [^"]*"[^>]*style="([^"]*)"/g)].map((m) => m[1] ?? '');
    expect(nodes).toHaveLength(demoResult.graph.nodes.length);
    for (const style of nodes) {
      expect(style).toContain('visibility:visible');
      expect(style).toMatch(/transform:translate\(\d/);
    }
    expect(page.html.match(/class="react-flow__edge /g)).toHaveLength(demoResult.graph.edges.length);
    // Fitted to the pane it assumes, not drawn at React Flow's default view.
    expect(page.html).not.toContain('transform:translate(0px,0px) scale(1)');
  });

  it('holds the editor pane and the problems list as the app first renders them', () => {
    expect(page.html).toContain('data-testid="editor-pane"');
    expect(page.html).toContain('kuma-demo.yaml');
    expect(page.html).toContain('data-testid="problems"');
  });

  it('comes with the script that decides whether it is shown', () => {
    expect(page.bootScript).toContain('data-start');
    expect(page.bootScript).toContain('kuma-demo.yaml');
  });
});
