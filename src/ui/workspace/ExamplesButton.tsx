/** "Examples": the gallery of the demo and every seed example, each opened in one click (undoable). */
import { useState } from 'react';
import { examples } from '../../demo/examples';
import { Dialog } from './Dialog';
import { useWorkspaceActions } from './useWorkspaceActions';

const FAMILY: Record<string, string> = { kuma: 'Kuma', tsb: 'Tetrate Service Bridge' };

export function ExamplesButton() {
  const [open, setOpen] = useState(false);
  const actions = useWorkspaceActions();
  const families = [...new Set(examples.map((e) => e.family))];
  return (
    <>
      <button type="button" className="toolbar__button" onClick={() => setOpen(true)} title="Open the demo or an example of the Kuma and TSB docs">
        Examples
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Examples" testId="examples-dialog">
        <p className="dialog__hint">Opening an example replaces the workspace; the message that follows has an Undo.</p>
        {families.map((family) => (
          <section key={family}>
            <h3 className="dialog__section">{FAMILY[family] ?? family}</h3>
            <ul className="examples">
              {examples
                .filter((e) => e.family === family)
                .map((example) => (
                  <li key={example.id}>
                    <button
                      type="button"
                      className="examples__item"
                      data-testid="example"
                      data-example-id={example.id}
                      onClick={() => {
                        setOpen(false);
                        actions.replace(example.files, `Opened the example "${example.title}".`);
                      }}
                    >
                      <span className="examples__title">{example.title}</span>
                      <span className="examples__description">{example.description}</span>
                    </button>
                  </li>
                ))}
            </ul>
          </section>
        ))}
      </Dialog>
    </>
  );
}
