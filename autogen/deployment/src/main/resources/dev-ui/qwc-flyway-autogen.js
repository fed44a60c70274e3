import { QwcHotReloadElement, html, css } from 'qwc-hot-reload-element';
import { JsonRpc } from 'jsonrpc';
import { notifier } from 'notifier';
import '@vaadin/button';
import '@vaadin/text-field';
import '@vaadin/confirm-dialog';
import '@vaadin/progress-bar';
import 'qui-themed-code-block';

/** The order the groups of one table's changes are listed in: what appears first, what disappears last. */
const CHANGE_ORDER = ['added', 'changed', 'renamed', 'dropped'];

/**
 * Pending migration: what the entities need that the migrations lack, per table and as the SQL that would be
 * written, the decisions dev mode waits for (destructive change, possible rename), and the migrations folder next
 * to the dev database's Flyway history. The JSON-RPC methods run at build time, next to the engine; the status is
 * fetched again after every live reload, since a reload is when entities and migrations change.
 */
export class QwcFlywayAutogen extends QwcHotReloadElement {

    jsonRpc = new JsonRpc(this);

    static styles = css`
        :host { display: flex; flex-direction: column; gap: 0.75em; padding: 1em; }
        h3, h4 { margin: 0.25em 0; }
        .error { color: var(--lumo-error-text-color); }
        .warning { color: var(--lumo-warning-text-color, orange); }
        .tables { display: flex; flex-wrap: wrap; gap: 1em; }
        .table { border: 1px solid var(--lumo-contrast-20pct); border-radius: var(--lumo-border-radius-m);
                 padding: 0.5em 1em; min-width: 18em; }
        .group { margin: 0.25em 0; }
        .group-title { font-size: var(--lumo-font-size-s); color: var(--lumo-secondary-text-color); }
        .change { display: flex; gap: 0.5em; align-items: baseline; }
        .change .description { font-size: var(--lumo-font-size-xs); color: var(--lumo-secondary-text-color); }
        .badge { font-size: var(--lumo-font-size-xs); padding: 0 0.5em; border-radius: 1em; white-space: nowrap; }
        .safe, .applied { background: var(--lumo-success-color-10pct); color: var(--lumo-success-text-color); }
        .destructive, .failed { background: var(--lumo-error-color-10pct); color: var(--lumo-error-text-color); }
        .needs-confirmation, .pending, .draft { background: var(--lumo-warning-color-10pct, #fff3cd);
                 color: var(--lumo-warning-text-color, #8a6d00); }
        .unknown { background: var(--lumo-contrast-10pct); }
        .actions { display: flex; flex-wrap: wrap; gap: 0.5em; align-items: baseline; }
        .message { min-width: 22em; }
        .rename { min-width: 18em; }
        table { border-collapse: collapse; }
        td, th { text-align: left; padding: 0.15em 0.75em 0.15em 0; }
        .muted { color: var(--lumo-secondary-text-color); }
    `;

    static properties = {
        _status: { state: true },
        _rename: { state: true },
        _message: { state: true },
        _confirmOpen: { state: true },
        _busy: { state: true }
    };

    constructor() {
        super();
        this._status = null;
        this._rename = '';
        this._suggestedRename = '';
        this._message = '';
        this._confirmOpen = false;
        this._busy = false;
    }

    connectedCallback() {
        super.connectedCallback();
        this.hotReload();
    }

    /** Called once connected and again after each live reload: the entities or migrations may have changed. */
    hotReload() {
        this.jsonRpc.status()
            .then(response => this._show(response.result))
            .catch(e => notifier.showErrorMessage(escapeHtml('Flyway autogenerate status: ' + errorText(e))));
    }

    _show(status) {
        this._status = status;
        // prefill the rename with the engine's guess, unless the user has typed a rename of their own
        const suggested = status.suggestedRename || '';
        if (this._rename === this._suggestedRename) {
            this._rename = suggested;
        }
        this._suggestedRename = suggested;
    }

    render() {
        const s = this._status;
        if (!s) {
            return html`<vaadin-progress-bar indeterminate></vaadin-progress-bar>`;
        }
        return html`
            ${this._renderSummary(s)}
            ${this._renderTables(s)}
            ${this._renderWarnings(s)}
            ${this._renderSql(s)}
            ${this._renderActions(s)}
            ${this._renderHistory(s)}
            <div id="last" class="muted">Last generated file: ${s.lastGeneratedFile || 'none yet'}</div>
            <div id="dev-database" class="muted">Dev database (and shadow databases' server): ${s.devDatabase || 'not known yet'}</div>
            ${this._renderConfirmDialog(s)}`;
    }

    _renderSummary(s) {
        return html`
            <div id="summary">${s.inSync
                ? html`Entities and migrations are in sync (${s.migrationsFolder}).`
                : html`${s.operations.length} pending operation(s)${s.confirmationNeeded
                    ? html`, waiting for a decision: <b>${s.confirmationNeeded}</b>` : ''}`}</div>
            ${s.error ? html`<div class="error" id="error">${s.error}</div>` : ''}`;
    }

    _renderTables(s) {
        if (!s.tables || s.tables.length === 0) {
            return '';
        }
        return html`<div class="tables" id="tables">${s.tables.map(t => html`
            <div class="table" data-table=${t.table}>
                <h4>${t.table}</h4>
                ${CHANGE_ORDER.map(change => this._renderGroup(change, t.changes.filter(c => c.change === change)))}
            </div>`)}</div>`;
    }

    _renderGroup(change, changes) {
        if (changes.length === 0) {
            return '';
        }
        return html`<div class="group" data-group=${change}>
            <div class="group-title">${change}</div>
            ${changes.map(c => html`
                <div class="change" data-object=${c.object} data-name=${c.name} title=${c.description}>
                    <span>${c.object} <b>${c.name}</b></span>
                    <span class="badge risk ${c.risk.replace(' ', '-')}">${c.risk}</span>
                    ${(c.verdicts || []).filter(v => v !== 'compatible').map(v => html`<span class="badge rollout"
                        title=${(c.findings || []).join('\n')}>${v}</span>`)}
                    <span class="description">${c.description}</span>
                </div>`)}
        </div>`;
    }

    _renderWarnings(s) {
        return s.warnings.length === 0 ? '' : html`<div id="warnings">
            ${s.warnings.map(w => html`<div class="warning">${w}</div>`)}</div>`;
    }

    _renderSql(s) {
        if (!s.sql) {
            return '';
        }
        return html`<div>
            <h4>${s.fileName} <span class="muted">(named after the message when one is given)</span></h4>
            <qui-themed-code-block id="sql" mode="sql" .content=${s.sql} showLineNumbers></qui-themed-code-block>
        </div>`;
    }

    _renderActions(s) {
        return html`<div class="actions">
            <vaadin-text-field id="message" class="message" label="Message (names the migration)"
                placeholder=${s.fileName ? 'default: ' + s.fileName : 'what the change does'} clear-button-visible
                .value=${this._message} @value-changed=${e => this._message = e.detail.value}></vaadin-text-field>
            <vaadin-button id="generate" theme=${s.destructive ? 'error' : 'primary'}
                ?disabled=${s.inSync || this._busy} @click=${() => this._generate(s)}>
                ${s.destructive ? 'Generate (destructive)...' : 'Generate'}</vaadin-button>
            ${this._renameApplies(s) ? html`
                <vaadin-text-field id="rename" class="rename" label="Rename (table.old=new)"
                    .value=${this._rename} @value-changed=${e => this._rename = e.detail.value}></vaadin-text-field>
                <vaadin-button id="confirm-rename" ?disabled=${this._busy || !this._rename}
                    @click=${() => this._decide('confirmRename', { rename: this._rename })}>Confirm rename</vaadin-button>`
                : ''}
            ${(s.deferred || []).length ? html`
                <vaadin-button id="contract" theme="error tertiary" ?disabled=${this._busy}
                    title=${'Safe rollout deferred: ' + s.deferred.join('; ') + '. Write the migration that drops them once no replica runs a release that needs them.'}
                    @click=${() => this._decide('contract', {})}>Contract (${s.deferred.length} deferred drop(s))</vaadin-button>`
                : ''}
            <vaadin-button id="refresh" theme="tertiary" @click=${() => this.hotReload()}>Refresh</vaadin-button>
        </div>`;
    }

    /** A rename the engine did not suspect (say, with a new type) can still be declared for any drop. */
    _renameApplies(s) {
        return s.possibleRename || (s.tables || []).some(t => t.changes.some(c => c.change === 'dropped'));
    }

    _renderHistory(s) {
        if (!s.history) {
            return '';
        }
        return html`<div>
            <h4>Migrations</h4>
            ${s.historyError ? html`<div class="warning" id="history-error">${s.historyError}</div>` : ''}
            <table id="history">
                <tr><th>Version</th><th>File</th><th>State</th></tr>
                ${s.history.map(m => html`<tr data-file=${m.file}>
                    <td>${m.version}</td>
                    <td>${m.file}</td>
                    <td><span class="badge state ${m.state}">${m.state}</span>
                        ${m.draft ? html`<span class="badge draft" title="the newest generated file, not committed in git yet">draft</span>` : ''}</td>
                </tr>`)}
            </table>
        </div>`;
    }

    _renderConfirmDialog(s) {
        const losing = (s.tables || []).flatMap(t => t.changes.filter(c => c.destructive)
            .map(c => `${t.table}: ${c.object} ${c.name} ${c.change}`));
        return html`<vaadin-confirm-dialog id="confirm-destructive" header="Write a destructive migration?"
                cancel-button-visible confirm-text="Write it" confirm-theme="error primary"
                .opened=${this._confirmOpen}
                @opened-changed=${e => this._confirmOpen = e.detail.value}
                @confirm=${() => this._decide('confirmDestructive', {})}>
            The migration can lose data: ${losing.join('; ')}.
            ${s.possibleRename ? ' If a column or table was renamed, cancel and confirm the rename instead.' : ''}
        </vaadin-confirm-dialog>`;
    }

    _generate(s) {
        if (s.destructive) {
            this._confirmOpen = true;
        } else {
            this._decide('generate', {});
        }
    }

    /** A decision: the answer is the new status, and a notification says what was written or why not. */
    _decide(method, params) {
        const before = this._status ? this._status.lastGeneratedFile : '';
        this._busy = true;
        this.jsonRpc[method]({ message: this._message, ...params })
            .then(response => {
                const s = response.result;
                this._show(s);
                if (s.error) {
                    notifier.showErrorMessage(escapeHtml(s.error));
                } else if (s.lastGeneratedFile && s.lastGeneratedFile !== before) {
                    this._message = '';
                    notifier.showSuccessMessage(escapeHtml('Wrote ' + fileName(s.lastGeneratedFile)
                        + '; Flyway applies it on the next request'));
                } else {
                    notifier.showInfoMessage('Nothing to write: entities and migrations are in sync');
                }
            })
            .catch(e => notifier.showErrorMessage(escapeHtml(errorText(e))))
            .finally(() => this._busy = false);
    }
}

/** The notifier renders its message as HTML; engine text holds quotes and angle brackets of SQL and types. */
function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

function fileName(path) {
    return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

function errorText(e) {
    return (e && e.error && e.error.message) || String(e);
}

customElements.define('qwc-flyway-autogen', QwcFlywayAutogen);
