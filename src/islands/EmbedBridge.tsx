/** Starts the embed bridge (src/lms/bridge.ts). Rendered with client:frame: only inside frames. */
import { useEffect } from 'preact/hooks';
import { startBridge, type CourseMeta } from '../lms/bridge';

export default function EmbedBridge({ meta }: { meta: CourseMeta }) {
  useEffect(() => startBridge(meta), []);
  return null;
}
