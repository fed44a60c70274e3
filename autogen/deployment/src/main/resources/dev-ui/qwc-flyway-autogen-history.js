import { QwcHotReloadElement, html, css } from 'qwc-hot-reload-element';
import { JsonRpc } from 'jsonrpc';
import { notifier } from 'notifier';
import '@vaadin/button';
import '@vaadin/text-field';

/**
 * Migration history: whether Flyway's history on the dev database matches the migrations folder, and the ways out
 * when it does not (re-apply an edited migration, Flyway's repair, reset the dev database). Its methods are
 * build-time actions, so this page works while the application is down because its Flyway refused to start.
 * Also names the current draft, the uncommitted migration later changes amend.
 */
export class QwcFlywayAutogenHistory extends QwcHotReloadElement {

    jsonRpc = new JsonRpc(this);

    static styles = css`
        :host { display: flex; flex-direction: column; gap: 0.5em; padding: 1em; }
        .error { color: var(--lumo-error-text-color); }
        .actions { display: flex; gap: 0.5em; align-items: baseline; }
    `;

    static properties = {
        _history: { state: true },
        _message: { state: true }
    };

    connectedCallback() {
        super.connectedCallback();
        this._message = '';
        this.hotReload();
    }

    hotReload() {
        this.jsonRpc.history().then(r => this._history = r.result);
    }

    _fix(method, params) {
        this.jsonRpc[method](params || {}).then(r => {
            this._history = r.result;
            if (r.result.error) {
                notifier.showErrorMessage(r.result.error);
            } else if (r.result.done) {
                notifier.showSuccessMessage(r.result.done + ' -- reload the application');
            }
        });
    }

    _reset() {
        if (confirm('Drop every table and row of the dev database and migrate it from scratch?')) {
            this._fix('reset', { confirm: 'true' });
        }
    }

    _nameDraft() {
        this.jsonRpc.nameDraft({ message: this._message }).then(r => {
            if (r.result.error) {
                notifier.showErrorMessage(r.result.error);
            } else {
                notifier.showSuccessMessage('Draft renamed: ' + r.result.lastGeneratedFile);
                this.hotReload();
            }
        });
    }

    render() {
        const h = this._history;
        if (!h) {
            return html`<span>Reading Flyway's history on the dev database...</span>`;
        }
        return html`
            ${this._renderStatus(h)}
            ${this._renderFixes(h)}
            ${this._renderDraft(h)}
            ${h.devDatabase ? html`<div id="dev-database" class="muted">Dev database: ${h.devDatabase}</div>` : ''}
        `;
    }

    _renderStatus(h) {
        if (h.error) {
            return html`<div class="error" id="history-error">${h.error}</div>`;
        }
        if (!h.broken) {
            return html`<div id="history-ok">Flyway's history on the dev database matches the migrations.</div>`;
        }
        return html`<ul id="history-problems">${h.problems.map(p => html`<li><b>${p.case}</b>: ${p.description}</li>`)}</ul>`;
    }

    _renderFixes(h) {
        const offered = new Set((h.problems || []).flatMap(p => p.fixes));
        return html`<div class="actions">
            <vaadin-button id="reapply" ?disabled=${!offered.has('reapply')} @click=${() => this._fix('reapply')}>
                Re-apply edited migration</vaadin-button>
            <vaadin-button id="repair" ?disabled=${!offered.has('repair')} @click=${() => this._fix('repair')}>
                Repair history</vaadin-button>
            <vaadin-button id="reset" theme="error" @click=${() => this._reset()}>Reset dev database</vaadin-button>
            <vaadin-button id="refresh-history" theme="tertiary" @click=${() => this.hotReload()}>Refresh</vaadin-button>
        </div>`;
    }

    _renderDraft(h) {
        if (!h.draft) {
            return html`<div id="draft">No draft: the next change writes a new migration.</div>`;
        }
        return html`<div class="actions" id="draft">Draft: ${h.draft}
            <vaadin-text-field id="draft-message" placeholder="name of the change" .value=${this._message}
                @value-changed=${e => this._message = e.detail.value}></vaadin-text-field>
            <vaadin-button id="name-draft" ?disabled=${!this._message} @click=${() => this._nameDraft()}>Rename draft</vaadin-button>
        </div>`;
    }
}
customElements.define('qwc-flyway-autogen-history', QwcFlywayAutogenHistory);
