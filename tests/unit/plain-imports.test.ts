import { describe, expect, it } from 'vitest';
import plainImports, { PLAIN_HELPER, unwrapPreloads } from '../../scripts/plain-imports.mjs';

describe('unwrapPreloads (dynamic imports without Vite’s preload helper)', () => {
  it('turns each wrapped import into the same promise without the helper', () => {
    const code = [
      'const islands = {',
      '\tQuiz: () => __vitePreload(() => import("./Quiz.!~{00w}~.js"), __VITE_PRELOAD__ace52496, import.meta.url),',
      '\tReflection: () => __vitePreload(() => import("./Reflection.!~{00x}~.js"), __VITE_PRELOAD__cf807d63, import.meta.url),',
      '};',
      'if (framed) __vitePreload(() => import("./bridge.js").then((m) => m.startBridge(meta)), __VITE_PRELOAD__f07a4527, import.meta.url);',
    ].join('\n');
    const out = unwrapPreloads(code)!;
    expect(out).not.toMatch(/__vitePreload|__VITE_PRELOAD__/);
    expect(out).toMatch(/Quiz: \(\) => \( +\(\) => import\("\.\/Quiz\.!~\{00w\}~\.js"\)\)\(\) *,/);
    expect(out).toMatch(/\( +\(\) => import\("\.\/bridge\.js"\)\.then\(\(m\) => m\.startBridge\(meta\)\)\)\(\) *;/);
    // Padded to the same length, line by line, so a source map made before still points at the right columns.
    expect(out.split('\n').map((l) => l.length)).toEqual(code.split('\n').map((l) => l.length));
    // What comes out still runs: each entry returns the import's promise.
    const run = new Function('__import', 'framed', `${out.replaceAll('import(', '__import(').replace('const islands', 'var islands')}\nreturn islands;`);
    const islands = run((x: string) => Promise.resolve(x), false);
    return expect(islands.Quiz()).resolves.toBe('./Quiz.!~{00w}~.js');
  });
  it('also unwraps calls without import.meta.url (absolute JS URLs, no renderBuiltUrl)', () => {
    const out = unwrapPreloads('const q = () => __vitePreload(() => import("./Quiz.js"), __VITE_PRELOAD__ace52496);')!;
    expect(out).not.toMatch(/__vitePreload|__VITE_PRELOAD__/);
    expect(out.replace(/ +/g, ' ')).toBe('const q = () => ( () => import("./Quiz.js"))() ;');
  });
  it('leaves a chunk without dynamic imports alone', () => expect(unwrapPreloads('export const a = 1;')).toBeNull());
  it('fails the build rather than emit code that cannot parse when a call does not have the expected shape', () => {
    expect(() => unwrapPreloads('__vitePreload(() => import("./a.js"), deps, import.meta.url)')).toThrow(/1 preload calls but 0/);
  });
  it('fails the build when a chunk imported on demand brings CSS, which only the helper would have loaded', () => {
    const chunk = (dynamicImports: string[], css: string[] = [], imports: string[] = []) => ({
      type: 'chunk',
      dynamicImports,
      imports,
      viteMetadata: { importedCss: new Set(css) },
    });
    const check = (bundle: Record<string, unknown>) => (plainImports().generateBundle as (o: unknown, b: unknown) => void).call(null, {}, bundle);
    expect(() => check({ 'course.js': chunk(['Quiz.js']), 'Quiz.js': chunk([]) })).not.toThrow();
    expect(() => check({ 'course.js': chunk(['Quiz.js']), 'Quiz.js': chunk([], ['Quiz.css']) })).toThrow(
      /Quiz\.js is imported dynamically and brings CSS \(Quiz\.css\)/,
    );
    // …or through a chunk it imports…
    expect(() => check({ 'course.js': chunk(['Quiz.js']), 'Quiz.js': chunk([], [], ['ui.js']), 'ui.js': chunk([], ['ui.css']) })).toThrow(
      /Quiz\.js .* \(ui\.css\)/,
    );
    // …or when Vite removed it as CSS only (the plain import would point at a missing file).
    expect(() => check({ 'course.js': chunk(['styles.js']) })).toThrow(/styles\.js is imported dynamically but is not a JavaScript chunk/);
  });
  it('replaces the helper module itself with a plain call (kept only where a chunk was linked to it before unwrapping)', async () => {
    const { handler } = plainImports().transform as { handler: (code: string, id: string) => { code: string } | null };
    expect(handler('export const __vitePreload = function preload() { /* ~2 KiB */ }', '\0vite/preload-helper.js')?.code).toBe(PLAIN_HELPER);
    expect(handler('export const x = 1;', '/src/islands/runtime/download.ts')).toBeNull();
    // The replacement keeps the helper's contract: it returns the import's promise.
    const mod = await import(`data:text/javascript,${encodeURIComponent(PLAIN_HELPER)}`);
    await expect(mod.__vitePreload(() => Promise.resolve('chunk'), [], 'url')).resolves.toBe('chunk');
  });
});
