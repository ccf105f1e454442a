import './style.css';
import { ApiError, json } from './api';
import { takeTokenFromUrl, token } from './auth';
import { errorBox, h, show } from './dom';
import { captureScreen } from './screens/capture';
import { consentScreen } from './screens/consent';
import { myDataScreen } from './screens/mydata';
import { progressScreen } from './screens/progress';
import { resultsScreen } from './screens/results';
import { state } from './state';

takeTokenFromUrl();
const main = document.getElementById('main') as HTMLElement;

function signIn(): void {
  show(
    main,
    h(
      'section',
      { id: 'screen-signin', 'aria-labelledby': 'signin-heading' },
      h('h2', { id: 'signin-heading' }, 'Sign in'),
      h('p', {}, 'Open this app from your Mensura sign-in link. (Production deployments sign you in with OpenID Connect.)'),
    ),
  );
}

function measure(): void {
  if (!token()) return signIn();
  if (!state.consented) {
    show(main, consentScreen(measure));
    return;
  }
  show(
    main,
    captureScreen((capture) =>
      show(main, progressScreen(capture, (jobId) => show(main, resultsScreen(jobId)), measure)),
    ),
  );
}

function myData(): void {
  if (!token()) return signIn();
  show(main, myDataScreen(() => (state.consented = false)));
}

document.getElementById('nav-measure')?.addEventListener('click', measure);
document.getElementById('nav-mydata')?.addEventListener('click', myData);

(async () => {
  if (!token()) return signIn();
  try {
    const consents = await json<{ consents?: { purpose: string; granted: boolean }[] }>('/v1/subjects/me/consents');
    state.consented = (consents.consents ?? []).some((c) => c.purpose === 'body-measurement' && c.granted);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      show(main, h('section', { 'aria-labelledby': 'err-h' }, h('h2', { id: 'err-h' }, 'Signed out'), errorBox('Your sign-in has expired. Open your sign-in link again.', e.title)));
      return;
    }
    state.consented = false;
  }
  measure();
})();

