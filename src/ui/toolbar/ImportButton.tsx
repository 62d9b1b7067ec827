/** "Import": a hidden file input (several YAML/JSON files) whose files replace the workspace. */
import { useRef, useState, type ChangeEvent } from 'react';
import { useStudio } from '../../state';
import { readFiles } from './readFiles';

export function ImportButton() {
  const input = useRef<HTMLInputElement>(null);
  const importFiles = useStudio((s) => s.importFiles);
  const [error, setError] = useState<string | null>(null);

  const onChange = async (event: ChangeEvent<HTMLInputElement>) => {
    const target = event.currentTarget;
    const chosen = target.files ? [...target.files] : [];
    target.value = ''; // choosing the same files again fires change again
    if (chosen.length === 0) return;
    try {
      importFiles(await readFiles(chosen));
      setError(null);
    } catch (e) {
      setError(`Could not read the files: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <>
      <button type="button" className="toolbar__button" onClick={() => input.current?.click()} title="Replace the workspace with YAML or JSON files">
        Import…
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept=".yaml,.yml,.json,text/yaml"
        data-testid="import-input"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => void onChange(e)}
      />
      {error && (
        <span className="toolbar__error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
