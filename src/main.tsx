// The page's entry: the stylesheet, and the app's code once the prerendered first screen has painted.
import { reportStartFailure, startAfterFirstPaint } from './app/first-paint';
import './app/app.css';

startAfterFirstPaint(() => {
  import('./app/start').catch(reportStartFailure);
});
