import { LitElement, html, css } from 'lit';
import { JsonRpc } from 'jsonrpc';
import '@vaadin/button';
import '@vaadin/text-field';

/**
 * Pending migration: what the entities need that the migrations lack, the SQL that would be written, and the
 * decisions dev mode waits for (destructive change, possible rename). Methods run at build time, next to the engine.
 */
export class QwcFlywayAutogen extends LitElement {

    jsonRpc = new JsonRpc(this);

    static styles = css`
        :host { display: flex; flex-direction: column; gap: 0.5em; padding: 1em; }
        pre { background: var(--lumo-contrast-5pct); padding: 0.5em; overflow: auto; }
        .warning { color: var(--lumo-warning-text-color, orange); }
        .error { color: var(--lumo-error-text-color); }
        .actions { display: flex; gap: 0.5em; align-items: baseline; }
    `;

    static properties = {
        _status: { state: true },
        _rename: { state: true }
    };

    connectedCallback() {
        super.connectedCallback();
        this._rename = '';
        this._refresh();
    }

    _refresh() {
        this.jsonRpc.status().then(r => this._status = r.result);
    }

    _call(method, params) {
        this.jsonRpc[method](params || {}).then(r => this._status = r.result);
    }

    render() {
        const s = this._status;
        if (!s) {
            return html`<span>Comparing entities and migrations...</span>`;
        }
        return html`
            <div id="summary">${s.inSync
                ? html`Entities and migrations are in sync (${s.migrationsFolder}).`
                : html`${s.operations.length} pending operation(s)${s.confirmationNeeded
                    ? html`, waiting for a decision: <b>${s.confirmationNeeded}</b>` : ''}`}</div>
            ${s.error ? html`<div class="error" id="error">${s.error}</div>` : ''}
            <ul id="operations">${s.operations.map(op => html`<li>${op}</li>`)}</ul>
            ${s.warnings.map(w => html`<div class="warning">${w}</div>`)}
            ${s.sql ? html`<div>${s.fileName}</div><pre id="sql">${s.sql}</pre>` : ''}
            <div class="actions">
                <vaadin-button id="generate" ?disabled=${s.inSync} @click=${() => this._call('generate')}>Generate</vaadin-button>
                <vaadin-button id="confirm-destructive" theme="error" ?disabled=${!s.destructive}
                    @click=${() => this._call('confirmDestructive')}>Confirm destructive change</vaadin-button>
                <vaadin-text-field id="rename" placeholder="table.old_column=new_column" .value=${this._rename}
                    @value-changed=${e => this._rename = e.detail.value}></vaadin-text-field>
                <vaadin-button id="confirm-rename" ?disabled=${!s.possibleRename}
                    @click=${() => this._call('confirmRename', { rename: this._rename })}>Confirm rename</vaadin-button>
                <vaadin-button id="refresh" theme="tertiary" @click=${() => this._refresh()}>Refresh</vaadin-button>
            </div>
            <div id="last">Last generated file: ${s.lastGeneratedFile || 'none yet'}</div>
        `;
    }
}
customElements.define('qwc-flyway-autogen', QwcFlywayAutogen);
