/** Learner-facing notices (Japanese), keyed by the codes the stores raise. */
import type { DecodeWarning } from '../progress/document';
import type { BackendKind } from '../progress/backend';

export type NoticeCode =
  | DecodeWarning
  | 'corrupt-kept'
  | 'invalid-parts-kept'
  | 'foreign-course-kept'
  | 'memory-only'
  | 'write-failed'
  | 'host-storage'
  | 'offline'
  | 'offline-elsewhere'
  | 'update'
  | 'update-blocked'
  | 'host-partial'
  | 'host-partial-lost';

export const NOTICE_TEXT: Record<NoticeCode, string> = {
  corrupt: '保存されていた学習記録が壊れていたため、読み込めませんでした。新しい記録として続けられます。元のデータはこの端末に別に保管してあります。',
  'invalid-parts': '保存されていた学習記録の一部が読み取れなかったため、その部分を除いて読み込みました。読み取れた記録はそのまま残っています。',
  'corrupt-kept':
    '保存されていた学習記録が壊れていたため、読み込めませんでした。端末の空き容量が足りず、元のデータを別に保管することもできなかったため、元のデータを上書きしないよう、いまは保存を止めています。下のボタンで元のデータをダウンロードすると、この画面での学習の保存を始めます。',
  'invalid-parts-kept':
    '保存されていた学習記録の一部が読み取れませんでした。端末の空き容量が足りず、元のデータを別に保管することもできなかったため、元のデータを上書きしないよう、いまは保存を止めています。下のボタンで元のデータをダウンロードすると、保存を始めます。',
  'foreign-course': '別の講座の学習記録が見つかったため、この講座では使わずに新しい記録を始めました。元のデータは別に保管してあります。',
  'foreign-course-kept':
    '別の講座の学習記録が見つかりました。端末の空き容量が足りず、別に保管することもできなかったため、上書きしないよう、いまは保存を止めています。下のボタンで元のデータをダウンロードすると、この講座の記録の保存を始めます。',
  'future-version': 'より新しいバージョンの講座で保存された記録です。この画面で扱える部分だけを読み込みました。',
  'memory-only':
    'このブラウザでは学習記録を保存できない設定になっています（プライベートモードや埋め込み時の制限など）。学習は続けられますが、ページを閉じると記録は残りません。',
  'write-failed':
    '学習記録を保存できませんでした（端末の空き容量が足りない可能性があります。あと約{kb}KBの空きが必要です）。入力した内容はこの画面を開いている間は残っています。次に入力したときに、もう一度保存を試みます。',
  'host-storage': '学習記録は受講している学習管理システム（LMS）に保存されます。',
  offline: 'いまはオフラインです。学習はこのまま続けられ、記録はこの端末に保存されています。',
  'offline-elsewhere': 'いまはオフラインです。学習はこのまま続けられます。',
  update: '新しいバージョンがあります。ボタンを押すと、入力中の内容を保存してから読み込み直します。',
  'update-blocked':
    '入力中の内容を保存できなかったため、読み込み直すのをやめました（内容はこの画面に残っています）。空き容量を確保してから、もう一度ボタンを押してください。',
  'host-partial':
    '学習管理システム（LMS）の保存容量に収まらないため、記録の一部（{n}項目。ふりかえりやプランなどの文章）はこのブラウザにだけ保存されています。別の端末やブラウザでは表示されません（書き終えたレッスンは、そこでも完了と表示されます）。',
  'host-partial-lost':
    '学習管理システム（LMS）の保存容量に収まらないため、記録の一部（{n}項目。ふりかえりやプランなどの文章）は保存されていません。このブラウザにも保存できないため、ページを閉じると消えます。「マイ・ネットワーキングプラン」のページからファイルに書き出して、手元に残してください。',
};

/**
 * Versions of a notice for who keeps the progress (<html data-kept>, set by the embed bridge):
 * NOTICE_TEXT says "the LMS"; an embedding site that is not an LMS gets these.
 */
export const NOTICE_TEXT_BY_KEEPER: Partial<Record<NoticeCode, { host: string }>> = {
  'host-storage': { host: '学習記録は、この講座を埋め込んでいるサイトに保存されます。' },
};

/** Notices that warn (shown with emphasis) rather than inform. */
export const isWarning = (code: NoticeCode) => !/^(host-storage|offline.*|update)$/.test(code);

/** The storage state the notices depend on (see $storage in src/stores/progress.ts). */
export interface NoticeState {
  kind: BackendKind | null;
  warnings: DecodeWarning[];
  writeFailed: boolean;
  /** 'kept': unreadable saved data could not be backed up and is left untouched until downloaded. */
  original?: 'backed-up' | 'kept' | null;
}

/** Which notices to show for a storage state (see $storage in src/stores/progress.ts). */
export function noticeCodes(
  state: NoticeState,
  online = true,
  /** How many parts an LMS host could not keep ($hostDropped). */
  hostDropped = 0,
): NoticeCode[] {
  // "Saved on this device" is only true with local storage.
  const offline: NoticeCode = state.kind === 'local' ? 'offline' : 'offline-elsewhere';
  // The texts of corrupt / foreign-course promise a backup: when there is none, say what really happened.
  const warnings = state.warnings.map((w): NoticeCode => (state.original === 'kept' && w !== 'future-version' ? `${w}-kept` : w));
  const out: NoticeCode[] = online ? warnings : [offline, ...warnings];
  if (hostDropped) out.push(state.kind === 'host' ? 'host-partial-lost' : 'host-partial');
  if (state.kind === 'memory') out.push('memory-only');
  else if (state.writeFailed && state.original !== 'kept') out.push('write-failed');
  if (state.kind === 'host') out.push('host-storage');
  return out;
}

/** Shown in place of an island whose code or practice data could not be loaded (mount.ts). */
export const ISLAND_FAILED_TEXT = {
  message: 'この部分を読み込めませんでした。通信状態を確かめて、もう一度読み込んでください。',
  /** Added where the part has fields: what is entered there now is not lost. */
  kept: 'ここに入力した内容は消えません。この部分が読み込まれた時点で保存されます。',
  retry: 'もう一度読み込む',
};
