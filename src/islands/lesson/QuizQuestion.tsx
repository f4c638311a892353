/**
 * One quiz question: native radios/checkboxes in a fieldset, then per-option feedback after scoring.
 * The options are shown in the order of the attempt (src/lib/course/shuffle.ts); their values stay the
 * option ids, so scoring and saved answers do not depend on the order.
 */
import { Fragment } from 'preact';
import type { Question } from '../../lib/course/schema';
import type { QuestionResult } from '../../lib/course/scoring';
import { orderedOptions } from '../../lib/course/shuffle';
import { fill, type QuizText } from '../../lib/text/ui-text';

interface Props {
  question: Question;
  index: number;
  /** Which attempt this is (1 = the first: the authored order). */
  attempt: number;
  /** A line under the legend, e.g. which lesson a check question comes from. */
  note?: string;
  chosen: string[];
  result?: QuestionResult;
  onChange: (id: string, chosen: string[]) => void;
  t: QuizText;
}

export default function QuizQuestion({ question: q, index, attempt, note, chosen, result, onChange, t }: Props) {
  const multiple = q.type === 'multiple';
  const toggle = (id: string, on: boolean) => onChange(q.id, multiple ? (on ? [...chosen, id] : chosen.filter((c) => c !== id)) : [id]);
  const option = (id: string) => q.options.find((o) => o.id === id)!;
  /** An option's text inside the 「」 of the feedback: an option that is itself a quoted line keeps one pair. */
  const text = (id: string) => option(id).text.replace(/^「([^「」]*)」$/, '$1');
  const mark = (id: string) => (multiple ? (result?.correctIds.includes(id) ? t.choiceRight : t.choiceWrong) : '');
  return (
    // The question (and where it comes from) describes the group: a screen reader says it with the legend when the learner tabs in.
    <fieldset id={`${q.id}-set`} data-question={q.id} aria-describedby={note ? `${q.id}-note ${q.id}-prompt` : `${q.id}-prompt`}>
      <legend>{fill(t.legend, { n: index + 1, hint: t[q.type] })}</legend>
      {note && (
        <p class="meta-line" id={`${q.id}-note`}>
          {note}
        </p>
      )}
      <p id={`${q.id}-prompt`}>{q.prompt}</p>
      {orderedOptions(q, attempt).map((o) => (
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
          <p class="verdict">{result.correct ? t.correct : t.incorrect}</p>
          {result.chosen.map((id) => (
            <p key={id}>{fill(t.yourChoice, { text: text(id), mark: mark(id), feedback: option(id).feedback })}</p>
          ))}
          {/* The right answers not chosen (one chosen is explained above already). */}
          {!result.correct &&
            result.correctIds
              .filter((id) => !result.chosen.includes(id))
              .map((id) => <p key={`c-${id}`}>{fill(t.rightAnswer, { text: text(id), feedback: option(id).feedback })}</p>)}
        </div>
      )}
    </fieldset>
  );
}

interface MissingProps {
  /** The unanswered questions' ids, in order. */
  missing: string[];
  /** The message, with `{list}` where the question numbers go. */
  text: string;
  /** A question's number as shown (問4). */
  number: (id: string) => string;
  separator: string;
}

const firstOption = (id: string) => document.querySelector<HTMLInputElement>(`#${id}-set input`);

/**
 * The message when a quiz or the final check is submitted with questions left unanswered. It takes
 * the focus (so a screen reader reads it once, in full, instead of a live message racing a focus
 * move), and each question number in it is a link that takes the focus to that question's first
 * option (the error-summary pattern). Here, beside the questions, so it rides in their chunk.
 */
export function MissingAnswers({ missing, text, number, separator }: MissingProps) {
  const [before, after = ''] = text.split('{list}');
  return (
    <p class="error" data-missing>
      {before}
      {missing.map((id, i) => (
        <Fragment key={id}>
          {i > 0 && separator}
          <a
            href={`#${id}-set`}
            onClick={(e) => {
              // Focus, not the fragment: in a frame or a SCORM package the page's address is not the lesson's.
              e.preventDefault();
              firstOption(id)?.focus();
            }}
          >
            {number(id)}
          </a>
        </Fragment>
      ))}
      {after}
    </p>
  );
}
