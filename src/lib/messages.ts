/** Learner-facing notices (Japanese), keyed by the codes the stores raise. */
import type { DecodeWarning } from './progress';
import type { BackendKind } from '../lib/backend';

export type NoticeCode = DecodeWarning | 'memory-only' | 'write-failed' | 'host-storage' | 'offline' | 'offline-elsewhere' | 'update' | 'host-partial' | 'host-partial-lost';

export const NOTICE_TEXT: Record<NoticeCode, string> = {
  corrupt:
    '保存されていた学習記録が壊れていたため、読み込めませんでした。新しい記録として続けられます。元のデータはこの端末に別に保管してあります。',
  'invalid-parts':
    '保存されていた学習記録の一部が読み取れなかったため、その部分を除いて読み込みました。読み取れた記録はそのまま残っています。',
  'foreign-course': '別の講座の学習記録が見つかったため、この講座では使わずに新しい記録を始めました。元のデータは別に保管してあります。',
  'future-version':
    'より新しいバージョンの講座で保存された記録です。この画面で扱える部分だけを読み込みました。',
  'memory-only':
    'このブラウザでは学習記録を保存できない設定になっています（プライベートモードや埋め込み時の制限など）。学習は続けられますが、ページを閉じると記録は残りません。',
  'write-failed':
    '学習記録を保存できませんでした（端末の空き容量が足りない可能性があります）。入力した内容はこの画面を開いている間は残っています。',
  'host-storage': '学習記録は受講している学習管理システム（LMS）に保存されます。',
  offline: 'いまはオフラインです。学習はこのまま続けられ、記録はこの端末に保存されています。',
  'offline-elsewhere': 'いまはオフラインです。学習はこのまま続けられます。',
  update: '新しいバージョンがあります。ボタンを押すと、入力中の内容を保存してから読み込み直します。',
  'host-partial':
    '学習管理システム（LMS）の保存容量に収まらないため、記録の一部（{n}項目。主にふりかえりの文章）はこのブラウザにだけ保存されています。別の端末やブラウザでは表示されません。',
  'host-partial-lost':
    '学習管理システム（LMS）の保存容量に収まらないため、記録の一部（{n}項目。主にふりかえりの文章）は保存されていません。このブラウザにも保存できないため、ページを閉じると消えます。「マイ・ネットワーキングプラン」のページからファイルに書き出して、手元に残してください。',
};

/** Notices that warn (shown with emphasis) rather than inform. */
export const isWarning = (code: NoticeCode) => !/^(host-storage|offline.*|update)$/.test(code);

/** Which notices to show for a storage state (see $storage in src/stores/progress.ts). */
export function noticeCodes(
  state: { kind: BackendKind | null; warnings: DecodeWarning[]; writeFailed: boolean },
  online = true,
  /** How many parts an LMS host could not keep ($hostDropped). */
  hostDropped = 0,
): NoticeCode[] {
  // "Saved on this device" is only true with local storage.
  const offline: NoticeCode = state.kind === 'local' ? 'offline' : 'offline-elsewhere';
  const out: NoticeCode[] = online ? [...state.warnings] : [offline, ...state.warnings];
  if (hostDropped) out.push(state.kind === 'host' ? 'host-partial-lost' : 'host-partial');
  if (state.kind === 'memory') out.push('memory-only');
  else if (state.writeFailed) out.push('write-failed');
  if (state.kind === 'host') out.push('host-storage');
  return out;
}
