/** "Import…": choose YAML or JSON files; they are checked, then added to the workspace or replace it (the person chooses). */
import { useRef, type ChangeEvent } from 'react';
import { useImporter } from './ImportProvider';

export function ImportButton() {
  const input = useRef<HTMLInputElement>(null);
  const { importBlobs } = useImporter();
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const target = event.currentTarget;
    const chosen = target.files ? [...target.files] : [];
    target.value = ''; // choosing the same files again fires change again
    void importBlobs(chosen);
  };
  return (
    <>
      <button type="button" className="toolbar__button" onClick={() => input.current?.click()} title="Open YAML or JSON files (or drop them on the window)">
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
        onChange={onChange}
      />
    </>
  );
}
