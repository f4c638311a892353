/** One quiz question: native radios/checkboxes in a fieldset, then per-option feedback after scoring. */
import type { Question } from '../lib/schema';
import type { QuestionResult } from '../lib/scoring';

interface Props {
  question: Question;
  index: number;
  chosen: string[];
  result?: QuestionResult;
  onChange: (id: string, chosen: string[]) => void;
}

const TYPE_HINT = { single: '一つ選択', multiple: 'すべて選択', truefalse: '正しいか誤りかを選択' } as const;

export default function QuizQuestion({ question: q, index, chosen, result, onChange }: Props) {
  const multiple = q.type === 'multiple';
  const toggle = (id: string, on: boolean) =>
    onChange(q.id, multiple ? (on ? [...chosen, id] : chosen.filter((c) => c !== id)) : [id]);
  const text = (id: string) => q.options.find((o) => o.id === id)!;
  return (
    <fieldset id={`${q.id}-set`} data-question={q.id}>
      <legend>
        問{index + 1}（{TYPE_HINT[q.type]}）
      </legend>
      <p>{q.prompt}</p>
      {q.options.map((o) => (
        <label class="choice" key={o.id}>
          <input
            type={multiple ? 'checkbox' : 'radio'}
            name={q.id}
            value={o.id}
            checked={chosen.includes(o.id)}
            disabled={!!result}
            onChange={(e) => toggle(o.id, (e.currentTarget as HTMLInputElement).checked)}
          />
          <span>{o.text}</span>
        </label>
      ))}
      {result && (
        <div class={`feedback ${result.correct ? 'ok' : 'ng'}`} data-feedback={result.correct ? 'correct' : 'incorrect'}>
          <p class="verdict">{result.correct ? '正解です。' : '不正解です。'}</p>
          {result.chosen.map((id) => (
            <p key={id}>
              あなたの選択「{text(id).text}」：{text(id).feedback}
            </p>
          ))}
          {!result.correct &&
            result.correctIds.map((id) => (
              <p key={`c-${id}`}>
                正解「{text(id).text}」：{text(id).feedback}
              </p>
            ))}
        </div>
      )}
    </fieldset>
  );
}
