// Runs the describe suite against tf.js 3.x (the npm alias 'tfjs3').
import * as tf from 'tfjs3';
import { describeSuite } from './describe-suite';

describeSuite('tf.js ' + tf.version.tfjs, tf);
