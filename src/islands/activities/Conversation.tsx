/**
 * A branching conversation (会話シミュレーション): the talk so far as a transcript of speech bubbles
 * (the other person's on the left with their drawn portrait, the learner's on the right), the
 * learner's choices as their possible replies, each choice's feedback, one step back or a restart;
 * the path is saved as it grows, the best ending reached is kept. After each step the focus moves
 * to the new line (a screen reader reads it, with its speaker), and then the feedback on the
 * choice (and the ending, when one is reached) is announced: in that order, so the focus move does
 * not cut the announcement short. The replies follow the line (Tab).
 */
import { Fragment } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { ConversationActivity } from '../../lib/activities/schema';
import { castOf, portraitId, walk } from '../../lib/activities/conversation';
import { fill, type ConversationText } from '../../lib/text/ui-text';
import { saveConversation } from '../../stores/activities';
import { useProgress } from '../runtime/use-progress';
import AvatarSvg from './AvatarSvg';

type Props = Pick<ConversationActivity, 'id' | 'role' | 'start' | 'nodes'> & { t: ConversationText };
type Node = ConversationActivity['nodes'][number];

export default function Conversation({ id, role, start, nodes, t }: Props) {
  const { progress } = useProgress();
  const record = progress.activities[id];
  const saved = record?.kind === 'conversation' ? (record.state as { path: number[] }).path : [];
  const { steps, current, path } = walk({ start, nodes }, saved);
  const [said, setSaid] = useState('');
  const root = useRef<HTMLDivElement>(null);

  const endingOf = (n: Node) => (n.ending ? `${fill(t.ending, { verdict: n.ending.verdict })}${n.ending.text}` : '');

  const go = (next: number[], announce: string) => {
    const reached = walk({ start, nodes }, next).current;
    saveConversation(id, next, reached.ending?.rank ?? null);
    setSaid('');
    // Once the new line is on screen: focus on it, then the announcement (queued after what the focus reads).
    requestAnimationFrame(() => {
      root.current?.querySelector<HTMLElement>('[data-current]')?.focus();
      setSaid(`${announce}${endingOf(reached)}`);
    });
  };
  const choose = (i: number) => go([...path, i], `${t.feedback}${current.choices![i].feedback}`);
  const back = () => go(path.slice(0, -1), t.backDone);
  const restart = () => go([], t.restartDone);

  const endings = nodes.filter((n) => n.ending);
  const best = record?.best != null ? endings.find((n) => n.ending!.rank === record.best) : undefined;
  const you = fill(t.you, { role });
  const cast = castOf(nodes);
  const line = (node: Node, current = false) => (
    <li class={node.speaker ? 'line them' : 'line narration'} data-node={node.id} tabIndex={current ? -1 : undefined} data-current={current ? '' : undefined}>
      {node.speaker ? (
        <>
          <AvatarSvg symbol={portraitId(id, node.speaker, cast)} size={40} />
          <div class="bubble">
            <span class="speaker">{node.speaker}</span>
            <p>{node.line}</p>
          </div>
        </>
      ) : (
        <p>{node.line}</p>
      )}
    </li>
  );
  return (
    <div class="conversation" ref={root}>
      <p class="meta-line">
        <span>{fill(t.endings, { count: endings.length })}</span>
        {best && <span data-activity-best>{fill(t.best, { verdict: best.ending!.verdict })}</span>}
      </p>
      <ol class="transcript" aria-label={t.transcript}>
        {steps.map(({ node, choice }, i) => (
          <Fragment key={i}>
            {line(node)}
            <li class="line you" data-step={i}>
              <div class="bubble">
                <span class="speaker">{you}</span>
                <p>{node.choices![choice].text}</p>
              </div>
              <p class="feedback">
                <strong>{t.feedback}</strong>
                {node.choices![choice].feedback}
              </p>
            </li>
          </Fragment>
        ))}
        {line(current, true)}
      </ol>
      {current.choices ? (
        <fieldset class="conversation-choices">
          <legend>{fill(t.choices, { role })}</legend>
          {current.choices.map((c, i) => (
            <p key={`${current.id}-${i}`}>
              <button type="button" class="secondary choice-button" data-choice={i} onClick={() => choose(i)}>
                {c.text}
              </button>
            </p>
          ))}
        </fieldset>
      ) : (
        <div class={`ending rank-${current.ending!.rank}`} data-ending={current.ending!.rank}>
          <p class="verdict">{fill(t.ending, { verdict: current.ending!.verdict })}</p>
          <p>{current.ending!.text}</p>
        </div>
      )}
      {path.length > 0 && (
        <p class="actions">
          <button type="button" class="secondary" onClick={back}>
            {t.back}
          </button>
          <button type="button" class="secondary" onClick={restart}>
            {t.restart}
          </button>
        </p>
      )}
      <p class="visually-hidden" role="status" aria-live="polite" data-announce>
        {said}
      </p>
    </div>
  );
}
