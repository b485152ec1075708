// Runs the describe suite against tf.js 4.x (the npm alias '@tensorflow/tfjs').
import * as tf from '@tensorflow/tfjs';
import { describeSuite } from './describe-suite';

describeSuite('tf.js ' + tf.version.tfjs, tf);
