import kumaDemo from './kuma-demo.yaml?raw';
import type { SourceFile } from '../core';

/** What the app opens on the first time: the seed's kuma-demo mesh and its 90/10 traffic split. */
export const demoFiles: SourceFile[] = [{ name: 'kuma-demo.yaml', text: kumaDemo }];
