/** "Help": what Route Studio does, how to read the graph (with its legend), and the ways in and out. */
import { GraphLegend } from '../graph/GraphLegend';
import { Dialog } from './Dialog';

export function HelpDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  return (
    <Dialog open={open} onClose={onClose} title="How Route Studio works" testId="help-dialog" className="dialog--wide">
      <section>
        <h3 className="dialog__section">What it does</h3>
        <p>
          Route Studio shows where service-mesh traffic goes. Write or paste routing policies (Kuma <code>MeshTCPRoute</code>, with the mesh&apos;s{' '}
          <code>Dataplane</code>s) in the editor on the left; the graph on the right is computed in your browser as you type: for each source service, the
          policy that wins, the policies it beat and why, and how the traffic is split over the backends. Nothing you type leaves this browser.
        </p>
      </section>
      <section>
        <h3 className="dialog__section">Reading the graph</h3>
        <p>
          Left to right (top to bottom in a narrow window): <b>sources</b> → the <b>route</b> each one takes to a destination → the <b>backends</b> the traffic lands on.
          Click a node, an edge or a percentage (or focus it with Tab and press Enter) to select the YAML it comes from. &quot;Traffic from&quot; narrows the graph to
          one source; &quot;Show default routes&quot; adds the destinations no policy touches.
        </p>
        <GraphLegend />
      </section>
      <section>
        <h3 className="dialog__section">Problems and the toolbar</h3>
        <p>
          Mistakes are underlined in the editor and listed under Problems; click one to go to its line. A policy with an error is left out of the graph, and an
          empty graph names the policies it left out. The time in the toolbar (&quot;analysed in 12 ms&quot;) is how long the last analysis took: parsing, checking and
          resolving every file, off the main thread so typing never waits.
        </p>
      </section>
      <section>
        <h3 className="dialog__section">Your work</h3>
        <ul>
          <li>It is saved in this browser as you type and is there again when you come back.</li>
          <li>Import files with the button, by dropping them on the window, or by pasting outside the editor; choose to add them or to replace the workspace.</li>
          <li>Replacing the workspace, opening an example or a link, and closing a tab can be undone from the message that follows.</li>
          <li>&quot;Copy link&quot; puts the whole workspace in the link itself; &quot;Export&quot; downloads the policies, the generated configuration or the graph.</li>
        </ul>
      </section>
    </Dialog>
  );
}
