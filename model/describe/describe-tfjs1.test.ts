// Runs the describe suite against tf.js 1.x (the npm alias 'tfjs1').
import * as tf from 'tfjs1';
import { describeSuite } from './describe-suite';

describeSuite('tf.js ' + tf.version.tfjs, tf);
